package org.telehealth.scheduling.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.telehealth.events.EventCodec;
import org.telehealth.events.EventEnvelope;
import org.telehealth.events.Topics;
import org.telehealth.events.appointment.AppointmentEvents;

/**
 * Reads topic {@code telehealth.appointments} from its start as a real consumer in a group of its
 * own, and keeps each appointment's events in the order they arrived after dropping redeliveries by
 * event id, as the catalog asks every consumer to. Counts the redeliveries it dropped.
 */
public final class AppointmentEventsReader implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final EventCodec codec = new EventCodec(AppointmentEvents.CATALOG);
    private final Map<String, List<EventEnvelope<?>>> byAppointment = new HashMap<>();
    private final Set<UUID> seen = new HashSet<>();
    private int redeliveries;

    public AppointmentEventsReader(String bootstrapServers) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(Topics.APPOINTMENTS));
    }

    /** Reads until every appointment of {@code ids} has at least {@code count} distinct events. */
    public void awaitEvents(Collection<String> ids, int count, Duration timeout) {
        readUntil(() -> ids.stream().allMatch(id -> eventsOf(id).size() >= count), timeout,
                () -> "fewer than " + count + " events for some of " + ids.size() + " appointments; appointments by "
                        + "number of events: " + appointmentsByEventCount(ids));
    }

    /** Reads until the distinct events of {@code id} satisfy {@code done}; returns them. */
    public List<EventEnvelope<?>> awaitEvents(String id, Predicate<List<EventEnvelope<?>>> done, Duration timeout) {
        readUntil(() -> done.test(eventsOf(id)), timeout, () -> "events of " + id + " so far: " + typesOf(id));
        return eventsOf(id);
    }

    /** Keeps reading for {@code duration}, to see whether anything more arrives. */
    public void readFor(Duration duration) {
        long end = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < end) {
            poll();
        }
    }

    /** The distinct events of one appointment, in the order they arrived. */
    public List<EventEnvelope<?>> eventsOf(String appointmentId) {
        return List.copyOf(byAppointment.getOrDefault(appointmentId, List.of()));
    }

    public List<String> typesOf(String appointmentId) {
        return eventsOf(appointmentId).stream().map(EventEnvelope::type).toList();
    }

    /** How many records were dropped because an event with their id had arrived before. */
    public int redeliveries() {
        return redeliveries;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }

    private void readUntil(BooleanSupplier done, Duration timeout, Supplier<String> state) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out reading " + Topics.APPOINTMENTS + ": " + state.get());
            }
            poll();
        }
    }

    private void poll() {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
            EventEnvelope<?> event = codec.decode(record.value());
            if (!seen.add(event.id())) {
                redeliveries++;
                continue;
            }
            byAppointment.computeIfAbsent(record.key(), key -> new ArrayList<>()).add(event);
        }
    }

    private Map<Integer, Integer> appointmentsByEventCount(Collection<String> ids) {
        Map<Integer, Integer> counts = new HashMap<>();
        ids.forEach(id -> counts.merge(eventsOf(id).size(), 1, Integer::sum));
        return counts;
    }
}
