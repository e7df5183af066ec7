package org.telehealth.recording.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.Config;

/**
 * The relay's Kafka producer, from the service's {@code kafka.*} settings (so production TLS or SASL
 * applies), with what the relay's ordering needs on top: acks from all in-sync replicas,
 * idempotence, a bounded wait for metadata (an unreachable broker fails a round instead of hanging
 * it) and no delivery timeout (the producer never drops a record on its own while later ones of the
 * partition go out; the relay abandons the producer instead, see {@link OutboxRelay}).
 */
@ApplicationScoped
public class OutboxProducerFactory {

    private final Config config;

    public OutboxProducerFactory(Config config) {
        this.config = config;
    }

    KafkaProducer<String, byte[]> create(Duration sendTimeout) {
        Map<String, Object> settings = new HashMap<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith("kafka.")) {
                config.getOptionalValue(name, String.class).ifPresent(value -> settings.put(name.substring("kafka.".length()), value));
            }
        }
        int timeoutMs = (int) sendTimeout.toMillis();
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, "recording-outbox-relay");
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Math.min(timeoutMs, 3000));
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(timeoutMs, 5000));
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.MAX_VALUE);
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return new KafkaProducer<>(settings);
    }
}
