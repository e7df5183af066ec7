package org.telehealth.recording.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.telehealth.events.EventCodec;
import org.telehealth.events.EventEnvelope;
import org.telehealth.events.Topics;
import org.telehealth.events.recording.RecordingCompleted;
import org.telehealth.events.recording.RecordingEvent;
import org.telehealth.events.recording.RecordingEvents;
import org.telehealth.events.recording.RecordingFailed;
import org.telehealth.events.recording.RecordingStarted;

/**
 * Reads topic {@code telehealth.recordings} from its start as signaling will, in a group of its own,
 * keeping recording-service's outcomes (started, completed, failed) per recording after dropping
 * redeliveries by event id.
 */
public final class RecordingOutcomes implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final EventCodec codec = new EventCodec(RecordingEvents.CATALOG);
    private final List<RecordingEvent> outcomes = new ArrayList<>();
    private final Set<UUID> seen = new HashSet<>();
    private final Map<String, String> keys = new java.util.HashMap<>();

    public RecordingOutcomes(String bootstrapServers) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(Topics.RECORDINGS));
    }

    /** Reads until the outcomes of {@code recording} satisfy {@code done}; returns them in arrival order. */
    public List<RecordingEvent> await(UUID recording, Predicate<List<RecordingEvent>> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.test(of(recording))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out reading " + Topics.RECORDINGS + "; outcomes of " + recording + " so far: "
                        + of(recording));
            }
            poll();
        }
        return of(recording);
    }

    /** Keeps reading for {@code duration}, to see whether anything more arrives. */
    public void readFor(Duration duration) {
        long end = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < end) {
            poll();
        }
    }

    public List<RecordingEvent> of(UUID recording) {
        return outcomes.stream().filter(e -> e.recordingId().equals(recording)).toList();
    }

    /** The Kafka key an outcome of {@code recording} was sent with. */
    public String keyOf(UUID recording) {
        return keys.get(recording.toString());
    }

    public static Predicate<List<RecordingEvent>> has(Class<? extends RecordingEvent> type) {
        return events -> events.stream().anyMatch(type::isInstance);
    }

    private void poll() {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
            EventEnvelope<?> event = codec.decode(record.value());
            boolean outcome = event.data() instanceof RecordingStarted || event.data() instanceof RecordingCompleted
                    || event.data() instanceof RecordingFailed;
            if (outcome && seen.add(event.id())) {
                RecordingEvent data = (RecordingEvent) event.data();
                outcomes.add(data);
                keys.put(data.recordingId().toString(), record.key());
            }
        }
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
