package org.telehealth.scheduling.outbox;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.telehealth.events.EventCodec;
import org.telehealth.events.EventEnvelope;
import org.telehealth.events.appointment.AppointmentEvents;

/**
 * Writes an event into the outbox inside the caller's transaction, so that the event exists if and
 * only if the change it describes was committed. {@link OutboxRelay} sends it to Kafka afterwards.
 */
@ApplicationScoped
public class OutboxWriter {

    private final EventCodec codec = new EventCodec(AppointmentEvents.CATALOG);

    /** Appends {@code event} for {@code topic}, keyed by {@code key} (the Kafka record key). Call within a transaction. */
    public Uni<Void> append(String topic, String key, EventEnvelope<?> event) {
        OutboxEvent row = new OutboxEvent();
        row.eventId = event.id();
        row.topic = topic;
        row.recordKey = key;
        row.eventType = event.type();
        row.payload = codec.encode(event);
        return row.persist().replaceWithVoid();
    }
}
