package org.telehealth.signaling.ws;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.telehealth.events.EventCodec;
import org.telehealth.events.EventEnvelope;
import org.telehealth.events.Topics;
import org.telehealth.events.recording.RecordingEvent;
import org.telehealth.events.recording.RecordingEvents;

/**
 * Topic {@code telehealth.recordings} as recording-service sees it in tests: reads a visit's events
 * back as it would consume them, and publishes its outcomes (started, completed, failed) as its
 * outbox relay does.
 */
public final class RecordingTopic {

    private static final EventCodec CODEC = new EventCodec(RecordingEvents.CATALOG);

    private RecordingTopic() {
    }

    /** The visit's events in topic order, read until {@code enough} holds for them; fails after 30 s. */
    public static List<EventEnvelope<?>> eventsOf(String bootstrap, UUID visitId, Predicate<List<EventEnvelope<?>>> enough) {
        List<EventEnvelope<?>> events = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, byte[]>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.RECORDINGS));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (visitId.toString().equals(record.key())) {
                        events.add(CODEC.decode(record.value()));
                    }
                }
                if (enough.test(events)) {
                    return events;
                }
            }
        }
        throw new AssertionError("not the expected events of the visit on " + Topics.RECORDINGS + "; saw " + types(events));
    }

    /** The visit's events up to and including the {@code n}th of type {@code type}. */
    public static List<EventEnvelope<?>> eventsUntil(String bootstrap, UUID visitId, String type, int n) {
        return eventsOf(bootstrap, visitId, events -> events.stream().filter(e -> e.type().equals(type)).count() >= n);
    }

    /** Publishes an event as recording-service does, keyed by its visit id. */
    public static void publish(String bootstrap, RecordingEvent event) {
        try (var producer = new KafkaProducer<String, byte[]>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.RECORDINGS, event.visitId().toString(),
                    CODEC.encode(EventEnvelope.of((Record) event, Instant.now())))).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish to " + Topics.RECORDINGS, e);
        }
    }

    public static List<String> types(List<EventEnvelope<?>> events) {
        return events.stream().map(EventEnvelope::type).toList();
    }
}
