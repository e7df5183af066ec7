package org.telehealth.infra.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Points a Quarkus test at a real Kafka broker (KRaft, in a child JVM, shared per test JVM). */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", SharedInfrastructure.kafka().bootstrapServers());
    }

    @Override
    public void stop() {
        // shared by every test class of this JVM; stopped at JVM exit
    }
}
