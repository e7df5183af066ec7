package org.telehealth.events;

import org.apache.kafka.common.errors.SerializationException;

/**
 * Bytes that are not an event this consumer can read: not JSON, a missing envelope field, or a
 * (type, version) the catalog does not know. Consumers count and skip such records; they never
 * stop a partition.
 */
public class MalformedEventException extends SerializationException {

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
