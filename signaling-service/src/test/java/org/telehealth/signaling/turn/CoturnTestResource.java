package org.telehealth.signaling.turn;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.telehealth.infra.testing.FreePorts;

/**
 * A real coturn ({@code turnserver} of Debian's coturn package, which .ci/run installs) on loopback for
 * the TURN tests, checking credentials as production's does ({@code use-auth-secret} with a
 * {@code static-auth-secret}, k8s/base/turn) but without TLS: TURN over TCP on a free port of
 * 127.0.0.1, relaying over UDP from 127.0.0.1 to peers on loopback (media-service in the tests), which
 * {@code allow-loopback-peers} permits. Signaling is configured with its URI and secret; credentials
 * live 10 s, so that a test sees them expire and renewed. Without coturn installed nothing starts
 * and the tests that need it are skipped ({@link #available()}).
 */
public class CoturnTestResource implements QuarkusTestResourceLifecycleManager {

    public static final Path TURNSERVER = Path.of("/usr/bin/turnserver");
    public static final String SECRET = "coturn-test-shared-secret";
    public static final String REALM = "turn.telehealth.test";
    public static final int TTL_SECONDS = 10;
    /** Where the test finds the TURN URI signaling hands out. */
    public static final String URI_PROPERTY = "test.coturn.uri";
    /** Where the test finds coturn's log. */
    public static final String LOG_PROPERTY = "test.coturn.log";

    private Process turnserver;

    public static boolean available() {
        return Files.isExecutable(TURNSERVER);
    }

    @Override
    public Map<String, String> start() {
        if (!available()) {
            return Map.of();
        }
        int port = FreePorts.next();
        try {
            Path dir = Files.createDirectories(Path.of("target", "coturn-" + port).toAbsolutePath());
            Path log = dir.resolve("turnserver.log");
            turnserver = new ProcessBuilder(List.of(TURNSERVER.toString(), "-n", "--no-cli", "--log-file=stdout", "--simple-log",
                    "--listening-ip=127.0.0.1", "--relay-ip=127.0.0.1", "--listening-port=" + port,
                    "--no-tls", "--no-dtls", "--fingerprint", "--realm=" + REALM,
                    "--use-auth-secret", "--static-auth-secret=" + SECRET,
                    "--allow-loopback-peers", "--no-multicast-peers", "--user-quota=12", "--no-software-attribute",
                    "--db=" + dir.resolve("turndb"), "--pidfile=" + dir.resolve("turnserver.pid")))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            awaitListening(port, log);
            String uri = "turn:127.0.0.1:" + port + "?transport=tcp";
            System.setProperty(URI_PROPERTY, uri);
            System.setProperty(LOG_PROPERTY, log.toString());
            return Map.of("signaling.turn.uris", uri,
                    "signaling.turn.shared-secret", SECRET,
                    "signaling.turn.credential-ttl", TTL_SECONDS + "s");
        } catch (IOException e) {
            stop();
            throw new IllegalStateException("cannot start coturn", e);
        }
    }

    @Override
    public void stop() {
        if (turnserver != null) {
            turnserver.destroy();
            turnserver = null;
        }
    }

    private void awaitListening(int port, Path log) throws IOException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!turnserver.isAlive()) {
                throw new IOException("turnserver exited with " + turnserver.exitValue() + "; see " + log);
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleep();
            }
        }
        throw new IOException("turnserver did not listen on " + port + " within 10 s; see " + log);
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
