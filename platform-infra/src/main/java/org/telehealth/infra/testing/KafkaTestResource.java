package org.telehealth.infra.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points a Quarkus test at a real Kafka broker (KRaft, in a child JVM, shared per test JVM), and lets
 * a test take that broker away for a while ({@link #restartAfter}) to prove what a service does
 * during an outage.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    /**
     * Stops the shared broker, runs {@code whileDown}, and starts the broker again on the same ports
     * and data directory, so that the service under test reconnects to it and finds its topics,
     * records and committed offsets as they were. The broker is started again even when
     * {@code whileDown} throws, so that the test classes after a failed one still have Kafka. Call it
     * from a test's own thread, with no other test running.
     */
    public static void restartAfter(Runnable whileDown) {
        SharedInfrastructure.kafka();
        SharedInfrastructure.stopKafka();
        try {
            whileDown.run();
        } catch (RuntimeException | Error e) {
            try {
                SharedInfrastructure.kafka();
            } catch (RuntimeException notStarted) {
                e.addSuppressed(notStarted);
            }
            throw e;
        }
        SharedInfrastructure.kafka();
    }

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", SharedInfrastructure.kafka().bootstrapServers());
    }

    @Override
    public void stop() {
        // shared by every test class of this JVM; stopped at JVM exit
    }
}
