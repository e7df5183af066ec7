package org.telehealth.infra.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.telehealth.infra.kafka.KafkaBroker;
import org.telehealth.infra.postgres.PostgresServer;

/**
 * One PostgreSQL server and one Kafka broker per test JVM, started on first use and stopped when the
 * JVM ends. Test classes, and Quarkus restarts between them, share these instead of paying a few
 * seconds per server each time.
 */
final class SharedInfrastructure {

    private static PostgresServer postgres;
    private static KafkaBroker kafka;
    /** Chosen once: a restarted broker comes back where the services under test were pointed. */
    private static int kafkaPort;
    private static int kafkaControllerPort;
    private static Path workDirectory;

    private SharedInfrastructure() {
    }

    static synchronized PostgresServer postgres() {
        if (postgres == null) {
            postgres = PostgresServer.start(null, 0, Path.of(System.getProperty("java.io.tmpdir"), "telehealth-pg-binaries"),
                    workDirectory().resolve("postgres.log"));
            Runtime.getRuntime().addShutdownHook(new Thread(postgres::close, "stop-test-postgres"));
        }
        return postgres;
    }

    /** The running broker; started on first use, and again after {@link #stopKafka()}, on the same ports and data. */
    static synchronized KafkaBroker kafka() {
        if (kafka == null) {
            if (kafkaPort == 0) {
                kafkaPort = FreePorts.next();
                kafkaControllerPort = FreePorts.next();
                Runtime.getRuntime().addShutdownHook(new Thread(SharedInfrastructure::stopKafka, "stop-test-kafka"));
            }
            kafka = KafkaBroker.start(workDirectory().resolve("kafka"), kafkaPort, kafkaControllerPort,
                    workDirectory().resolve("kafka.log"));
        }
        return kafka;
    }

    /** Stops the broker (a no-op when it is not running); the next {@link #kafka()} starts it again. */
    static synchronized void stopKafka() {
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
    }

    /** Under the module's target/ so that logs of a failed run can be read after it. */
    private static Path workDirectory() {
        if (workDirectory == null) {
            try {
                Path target = Path.of("target");
                Files.createDirectories(target);
                workDirectory = Files.createTempDirectory(target.toAbsolutePath(), "test-infra-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return workDirectory;
    }
}
