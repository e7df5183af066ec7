package org.telehealth.infra.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Entry point of the child JVM that runs a single-node KRaft Kafka broker (broker and controller in
 * one process). It formats the log directory on first use, then hands over to Kafka's own main.
 *
 * <p>It exits when its standard input reaches end-of-file, which happens when the parent process
 * ends in any way, even killed: a broker is never left running behind a crashed launcher or test.
 */
public final class KafkaBrokerMain {

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: KafkaBrokerMain <server.properties> <cluster-id>");
            System.exit(2);
        }
        Path config = Path.of(args[0]);
        watchParent(System.in);
        Path logDir = Path.of(load(config).getProperty("log.dirs"));
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            int formatted = kafka.tools.StorageTool.execute(
                    new String[] {"format", "--cluster-id", args[1], "--config", config.toString(), "--ignore-formatted"},
                    new PrintStream(System.out, true, StandardCharsets.UTF_8));
            if (formatted != 0) {
                System.err.println("formatting the Kafka log directory " + logDir + " failed");
                System.exit(formatted);
            }
        }
        kafka.Kafka.main(new String[] {config.toString()});
    }

    private static Properties load(Path config) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(config)) {
            properties.load(reader);
        }
        return properties;
    }

    private static void watchParent(InputStream parent) {
        Thread watcher = new Thread(() -> {
            try {
                while (parent.read() != -1) {
                    // the parent never writes; we only wait for the pipe to close
                }
            } catch (IOException ignored) {
                // a broken pipe means the same as end-of-file
            }
            System.exit(0);
        }, "parent-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }
}
