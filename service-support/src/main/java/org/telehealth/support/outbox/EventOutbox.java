package org.telehealth.support.outbox;

import io.smallrye.mutiny.Uni;
import org.telehealth.events.EventCatalog;
import org.telehealth.events.EventCodec;
import org.telehealth.events.EventEnvelope;

/**
 * Writes an event into the outbox inside the caller's transaction, so that the event exists if and
 * only if the change it describes was committed. {@link OutboxRelay} sends it to Kafka afterwards.
 * Not a bean: each service's writer holds one made with its own event catalog and picks the topic
 * and key of its events.
 */
public class EventOutbox {

    private final EventCodec codec;

    public EventOutbox(EventCatalog catalog) {
        this.codec = new EventCodec(catalog);
    }

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
