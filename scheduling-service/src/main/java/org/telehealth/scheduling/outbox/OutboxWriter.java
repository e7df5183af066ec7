package org.telehealth.scheduling.outbox;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.telehealth.events.EventEnvelope;
import org.telehealth.events.appointment.AppointmentEvents;
import org.telehealth.support.outbox.EventOutbox;

/**
 * Writes an appointment event into the outbox inside the caller's transaction, so that the event
 * exists if and only if the change it describes was committed; {@link OutboxRelayJob} sends it to
 * Kafka afterwards. The outbox itself is service-support's, encoding with the appointment catalog.
 */
@ApplicationScoped
public class OutboxWriter {

    private final EventOutbox outbox = new EventOutbox(AppointmentEvents.CATALOG);

    /** Appends {@code event} for {@code topic}, keyed by {@code key} (the Kafka record key). Call within a transaction. */
    public Uni<Void> append(String topic, String key, EventEnvelope<?> event) {
        return outbox.append(topic, key, event);
    }
}
