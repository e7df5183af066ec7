package org.telehealth.media.drain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.telehealth.events.EventCodec;
import org.telehealth.events.EventEnvelope;
import org.telehealth.events.Topics;
import org.telehealth.events.media.MediaEvents;
import org.telehealth.events.media.MediaInstanceLoad;

/** Reads the instance's load reports back from the test broker. */
public final class LoadReports {

    private static final EventCodec CODEC = new EventCodec(MediaEvents.CATALOG);

    private LoadReports() {
    }

    /**
     * The first report of instance {@code media-local} that says it drains and was written at or
     * after {@code after} (the broker outlives Quarkus restarts: earlier test classes' reports are
     * there too); fails after {@code within}.
     */
    public static MediaInstanceLoad awaitDrainingReport(String bootstrap, Instant after, Duration within) {
        try (var consumer = new KafkaConsumer<String, byte[]>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.MEDIA));
            List<String> seen = new ArrayList<>();
            long deadline = System.nanoTime() + within.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (!"media-local".equals(record.key())) {
                        continue;
                    }
                    EventEnvelope<?> event = CODEC.decode(record.value());
                    if (event.data() instanceof MediaInstanceLoad load && !event.occurredAt().isBefore(after)) {
                        seen.add(event.occurredAt() + " draining=" + load.draining());
                        if (load.draining()) {
                            return load;
                        }
                    }
                }
            }
            throw new AssertionError("no report of a draining instance within " + within + "; reports since " + after
                    + ": " + seen);
        }
    }

    public static MediaInstanceLoad awaitDrainingReport(String bootstrap, Instant after) {
        return awaitDrainingReport(bootstrap, after, Duration.ofSeconds(30));
    }
}
