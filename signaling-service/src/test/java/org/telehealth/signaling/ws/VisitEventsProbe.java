package org.telehealth.signaling.ws;

import java.time.Duration;
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
import org.telehealth.events.visit.VisitEvents;

/** Reads a visit's events back from topic {@code telehealth.visits}, as a downstream consumer would. */
final class VisitEventsProbe {

    private VisitEventsProbe() {
    }

    /**
     * The visit's events in topic order, up to and including {@code last} and whatever follows within
     * {@code settle} after it (a duplicate would); fails after 30 s without {@code last}.
     */
    static List<EventEnvelope<?>> eventsSettled(String bootstrap, UUID visitId, String last, Duration settle) {
        EventCodec codec = new EventCodec(VisitEvents.CATALOG);
        List<EventEnvelope<?>> events = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, byte[]>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.VISITS));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (visitId.toString().equals(record.key())) {
                        EventEnvelope<?> event = codec.decode(record.value());
                        events.add(event);
                        if (last.equals(event.type()) && deadline - System.nanoTime() > settle.toNanos()) {
                            deadline = System.nanoTime() + settle.toNanos();
                        }
                    }
                }
            }
        }
        if (events.stream().noneMatch(event -> last.equals(event.type()))) {
            throw new AssertionError("no " + last + " for the visit on " + Topics.VISITS + "; saw " + events);
        }
        return events;
    }

    /** The visit's events in topic order, up to and including {@code last}; fails after 30 s. */
    static List<EventEnvelope<?>> eventsOf(String bootstrap, UUID visitId, String last) {
        EventCodec codec = new EventCodec(VisitEvents.CATALOG);
        List<EventEnvelope<?>> events = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, byte[]>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.VISITS));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (visitId.toString().equals(record.key())) {
                        EventEnvelope<?> event = codec.decode(record.value());
                        events.add(event);
                        if (last.equals(event.type())) {
                            return events;
                        }
                    }
                }
            }
        }
        throw new AssertionError("no " + last + " for the visit on " + Topics.VISITS + "; saw " + events);
    }
}
