package org.telehealth.events;

import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka value deserializer for {@link EventEnvelope}s. Each consumer subclasses it with a no-argument
 * constructor that passes the catalog of the events it reads, since Kafka creates deserializers by
 * class name. Unreadable records raise {@link MalformedEventException}.
 */
public abstract class EventDeserializer implements Deserializer<EventEnvelope<?>> {

    private final EventCodec codec;

    protected EventDeserializer(EventCatalog catalog) {
        this.codec = new EventCodec(catalog);
    }

    @Override
    public EventEnvelope<?> deserialize(String topic, byte[] data) {
        return data == null ? null : codec.decode(data);
    }
}
