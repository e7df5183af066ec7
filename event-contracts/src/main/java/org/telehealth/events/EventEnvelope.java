package org.telehealth.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One event as it travels on Kafka: the payload record plus what every consumer needs regardless of
 * its type. {@code id} is unique per event so that consumers drop redeliveries; the Kafka record key
 * (an appointment or visit id) is kept outside, on the record, so that ordering per key holds.
 *
 * <pre>
 * {"id":"4f0c…","type":"appointment.scheduled","version":1,"occurredAt":"2026-11-21T14:00:00Z","data":{…}}
 * </pre>
 */
public record EventEnvelope<T extends Record>(UUID id, String type, int version, Instant occurredAt, T data) {

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(data, "data");
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1, was " + version);
        }
    }

    /** Wraps {@code data} in a new envelope with a fresh id, its declared type and version. */
    public static <T extends Record> EventEnvelope<T> of(T data, Instant occurredAt) {
        EventType declared = EventCatalog.typeOf(data.getClass());
        return new EventEnvelope<>(UUID.randomUUID(), declared.name(), declared.version(), occurredAt, data);
    }
}
