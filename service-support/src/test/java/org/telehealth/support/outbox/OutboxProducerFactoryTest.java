package org.telehealth.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

/**
 * The relay's producer takes the service's Kafka connection settings as they are and overrides
 * every setting its ordering guarantee rests on, whatever the service configured.
 */
class OutboxProducerFactoryTest {

    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);

    @Test
    void shouldUseTheServicesKafkaConnectionSettings() {
        Map<String, Object> settings = settingsFrom(Map.of(
                "kafka.bootstrap.servers", "broker-1:9093",
                "kafka.security.protocol", "SSL",
                "kafka.ssl.truststore.location", "/run/secrets/ca.p12",
                "mp.messaging.incoming.visit-events.topic", "telehealth.visits"));

        assertThat(settings)
                .containsEntry("bootstrap.servers", "broker-1:9093")
                .containsEntry("security.protocol", "SSL")
                .containsEntry("ssl.truststore.location", "/run/secrets/ca.p12")
                .containsEntry(ProducerConfig.CLIENT_ID_CONFIG, "scheduling-outbox-relay")
                .doesNotContainKey("mp.messaging.incoming.visit-events.topic")
                .doesNotContainKey("incoming.visit-events.topic");
    }

    @Test
    void shouldOverrideWhatWouldLetARecordOvertakeAnEarlierOne() {
        Map<String, Object> settings = settingsFrom(Map.of(
                "kafka.bootstrap.servers", "broker-1:9093",
                "kafka.acks", "1",
                "kafka.enable.idempotence", "false",
                "kafka.delivery.timeout.ms", "30000",
                "kafka.client.id", "someone-else"));

        assertThat(settings)
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.MAX_VALUE)
                .containsEntry(ProducerConfig.CLIENT_ID_CONFIG, "scheduling-outbox-relay");
    }

    @Test
    void shouldGiveUpOnAnAbsentBrokerWithinTheSendTimeout() {
        Map<String, Object> settings = settingsFrom(Map.of("kafka.bootstrap.servers", "broker-1:9093"));

        assertThat(settings)
                .containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000)
                .containsEntry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        assertThat(new OutboxProducerFactory(config(Map.of()), "recording-outbox-relay").settings(Duration.ofSeconds(2)))
                .containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 2000)
                .containsEntry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000)
                .containsEntry(ProducerConfig.CLIENT_ID_CONFIG, "recording-outbox-relay");
    }

    private static Map<String, Object> settingsFrom(Map<String, String> properties) {
        return new OutboxProducerFactory(config(properties), "scheduling-outbox-relay").settings(SEND_TIMEOUT);
    }

    private static Config config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(properties, "test", 100)).build();
    }
}
