package org.telehealth.events;

import org.apache.kafka.common.serialization.Serializer;

/** Kafka value serializer for {@link EventEnvelope}s: {@code value.serializer=org.telehealth.events.EventSerializer}. */
public class EventSerializer implements Serializer<EventEnvelope<?>> {

    private final EventCodec codec = new EventCodec(EventCatalog.of());

    @Override
    public byte[] serialize(String topic, EventEnvelope<?> event) {
        return event == null ? null : codec.encode(event);
    }
}
