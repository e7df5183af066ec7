package org.telehealth.infra.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.telehealth.events.Topics;

/**
 * A real Kafka broker (KRaft, single node) running from the Kafka jars on this JVM's class path, in
 * a child JVM of its own so that its threads, memory and logs stay apart from the caller's. Used by
 * {@code ./telehealth up} with a persistent log directory and by tests with a temporary one.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);

    private final Process process;
    private final int port;
    private final Path logFile;

    private KafkaBroker(Process process, int port, Path logFile) {
        this.process = process;
        this.port = port;
        this.logFile = logFile;
    }

    /**
     * Starts a broker and waits until it answers.
     *
     * @param dataDirectory the broker's log directory (created and formatted on first use)
     * @param port client port on localhost
     * @param controllerPort KRaft controller port on localhost
     * @param logFile where the broker's output goes
     */
    public static KafkaBroker start(Path dataDirectory, int port, int controllerPort, Path logFile) {
        try {
            Path logDir = dataDirectory.toAbsolutePath().resolve("log");
            Files.createDirectories(logDir);
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            Path config = dataDirectory.toAbsolutePath().resolve("server.properties");
            writeConfig(config, logDir, port, controllerPort);
            Process process = new ProcessBuilder(command(config))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            KafkaBroker broker = new KafkaBroker(process, port, logFile);
            broker.awaitReady();
            broker.createPlatformTopics();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("Kafka did not start: " + e.getMessage(), e);
        }
    }

    /** {@code host:port} for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka exited with code " + process.exitValue() + "; see " + logFile);
            }
            if (!acceptsConnections()) {
                sleep(Duration.ofMillis(300));
                continue;
            }
            try (Admin admin = Admin.create(config)) {
                admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
                return;
            } catch (Exception notYet) {
                sleep(Duration.ofMillis(300));
            }
        }
        close();
        throw new IllegalStateException("Kafka did not answer within " + STARTUP_TIMEOUT.toSeconds() + " s; see " + logFile);
    }

    /**
     * Creates the platform's topics that do not exist yet, as a deployment does before the services
     * start. A consumer subscribed to a topic that does not exist yet is assigned its partitions only
     * at its next metadata refresh (minutes later), and one that starts at the end of the topic then
     * misses what was written meanwhile: the first recording request or outcome, say.
     */
    private void createPlatformTopics() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = Topics.ALL.stream().filter(topic -> !existing.contains(topic))
                    .map(topic -> new NewTopic(topic, Optional.empty(), Optional.empty())).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            close();
            throw new IllegalStateException("Kafka did not create the platform's topics: " + e.getMessage() + "; see " + logFile, e);
        } catch (InterruptedException e) {
            close();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating Kafka topics", e);
        }
    }

    /** Probing the port first keeps the admin client from logging a warning per refused attempt. */
    private boolean acceptsConnections() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static List<String> command(Path config) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.add("-Xms128m");
        command.add("-Xmx512m");
        command.add("-XX:+UseSerialGC");
        command.add("-Djava.awt.headless=true");
        command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(KafkaBrokerMain.class.getName());
        command.add(config.toString());
        command.add(clusterId(config.getParent()));
        return command;
    }

    /** The cluster id is chosen once per data directory and kept, as formatting requires. */
    private static String clusterId(Path dataDirectory) throws IOException {
        Path file = dataDirectory.resolve("cluster-id");
        if (!Files.exists(file)) {
            Files.writeString(file, Uuid.randomUuid().toString());
        }
        return Files.readString(file).trim();
    }

    private static void writeConfig(Path config, Path logDir, int port, int controllerPort) throws IOException {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@localhost:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://localhost:" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("log.dirs", logDir.toString());
        p.setProperty("num.partitions", "3");
        // A single node: every internal topic has one replica, or consumers wait forever.
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("auto.create.topics.enable", "true");
        try (Writer writer = Files.newBufferedWriter(config)) {
            p.store(writer, "written by KafkaBroker; rewritten at every start");
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        }
    }
}
