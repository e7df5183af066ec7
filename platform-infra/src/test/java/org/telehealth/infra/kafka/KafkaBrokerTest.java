package org.telehealth.infra.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telehealth.infra.testing.FreePorts;

class KafkaBrokerTest {

    @TempDir
    Path dir;

    @Test
    void shouldDeliverARecordAndKeepItAcrossARestart() throws Exception {
        Path data = dir.resolve("kafka");
        int port = FreePorts.next();
        int controller = FreePorts.next();
        try (KafkaBroker broker = KafkaBroker.start(data, port, controller, dir.resolve("kafka.log"));
                var producer = new KafkaProducer<String, String>(Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                        ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("probe", "k", "hello")).get();
            assertThat(consumeOne(broker.bootstrapServers(), "first")).contains("hello");
        }

        try (KafkaBroker restarted = KafkaBroker.start(data, port, controller, dir.resolve("kafka.log"))) {
            assertThat(consumeOne(restarted.bootstrapServers(), "second")).contains("hello");
        }
    }

    @Test
    void shouldLeaveNoProcessBehindWhenClosed() {
        KafkaBroker broker = KafkaBroker.start(dir.resolve("k"), FreePorts.next(), FreePorts.next(), dir.resolve("k.log"));
        long pid = broker.pid();

        broker.close();

        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isIn(Optional.empty(), Optional.of(false));
    }

    private static Optional<String> consumeOne(String bootstrap, String group) {
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("probe"));
            long deadline = System.currentTimeMillis() + 30_000;
            while (System.currentTimeMillis() < deadline) {
                List<String> values = new ArrayList<>();
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    values.add(r.value());
                }
                if (!values.isEmpty()) {
                    return Optional.of(values.get(0));
                }
            }
            return Optional.empty();
        }
    }
}
