package org.telehealth.support.outbox;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.Config;

/**
 * Builds the outbox relay's Kafka producer from the service's {@code kafka.*} settings (the same
 * ones the messaging channels use, so TLS or SASL configured for production applies here too),
 * with what the relay's guarantees need on top: acknowledged by all in-sync replicas, idempotent,
 * a bounded wait for the broker's metadata so that an unreachable broker fails a round instead of
 * hanging it, and no delivery timeout: a record the producer gave up on by itself while later ones
 * of its partition still went out would reach consumers after those later ones once the relay
 * sends it again. The relay gives up instead, by closing the producer (see {@link OutboxRelay}).
 */
class OutboxProducerFactory {

    private final Config config;
    private final String clientId;

    OutboxProducerFactory(Config config, String clientId) {
        this.config = config;
        this.clientId = clientId;
    }

    KafkaProducer<String, byte[]> create(Duration sendTimeout) {
        return new KafkaProducer<>(settings(sendTimeout));
    }

    /** The producer's settings: the service's {@code kafka.*} ones, overridden where the relay's ordering needs it. */
    Map<String, Object> settings(Duration sendTimeout) {
        Map<String, Object> settings = new HashMap<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith("kafka.")) {
                config.getOptionalValue(name, String.class).ifPresent(value -> settings.put(name.substring("kafka.".length()), value));
            }
        }
        int timeoutMs = (int) sendTimeout.toMillis();
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Math.min(timeoutMs, 3000));
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(timeoutMs, 5000));
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.MAX_VALUE);
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return settings;
    }
}
