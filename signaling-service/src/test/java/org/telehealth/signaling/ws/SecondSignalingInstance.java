package org.telehealth.signaling.ws;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.eclipse.microprofile.config.Config;
import org.telehealth.infra.testing.FreePorts;
import org.telehealth.infra.testing.TestTokens;
import org.telehealth.infra.testing.TokenIssuerTestResource;

/**
 * Another signaling-service beside the one under test: this module's packaged app
 * ({@code target/quarkus-app}, built by the package phase before failsafe runs; failsafe names it in
 * {@code signaling-service.app}) in a JVM of its own on a free port, configured like the instance under
 * test: the same Kafka, the same trusted token key ({@code TestTokens}), join link keys, service token
 * endpoint and media-service, and the test's grace period.
 */
public final class SecondSignalingInstance implements AutoCloseable {

    /** What the instance under test was given by its test resources, passed on as they are. */
    private static final List<String> SHARED = List.of("kafka.bootstrap.servers", "signaling.join-link.jwks-url",
            "quarkus.oidc-client.auth-server-url", "quarkus.oidc-client.discovery-enabled", "quarkus.oidc-client.token-path",
            "quarkus.oidc-client.client-id", "quarkus.oidc-client.credentials.secret",
            "signaling.media.default-control-url", "signaling.media.report-expiry", "signaling.reconnect-grace",
            "signaling.hello-timeout", "signaling.pages.auth-server-url");

    private final Process process;
    private final URI base;
    private final Path log;

    private SecondSignalingInstance(Process process, URI base, Path log) {
        this.process = process;
        this.base = base;
        this.log = log;
    }

    /** Starts it with the settings of the instance under test and waits until it is ready (at most 90 s). */
    public static SecondSignalingInstance start(Config underTest) {
        return start(underTest, port -> Map.of());
    }

    /** Starts it with the settings of the instance under test and those {@code own} gives for its port. */
    public static SecondSignalingInstance start(Config underTest, IntFunction<Map<String, String>> own) {
        Path app = Path.of(System.getProperty("signaling-service.app", "target/quarkus-app/quarkus-run.jar"));
        if (!Files.isRegularFile(app)) {
            throw new IllegalStateException("signaling-service is not packaged (no " + app.toAbsolutePath()
                    + "); run ./mvnw -pl signaling-service -am verify, which packages it first");
        }
        int port = FreePorts.next();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=" + port));
        for (String key : SHARED) {
            underTest.getOptionalValue(key, String.class).ifPresent(value -> command.add("-D" + key + "=" + value));
        }
        for (Map.Entry<String, String> trusted : new TokenIssuerTestResource().start().entrySet()) {
            command.add("-D" + trusted.getKey() + "=" + trusted.getValue());
        }
        own.apply(port).forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", app.toAbsolutePath().toString()));
        Path log = Path.of("target", "signaling-second-" + port + ".log").toAbsolutePath();
        URI base = URI.create("http://127.0.0.1:" + port + "/");
        Process process = null;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Process started = process;
            Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly, "stop-second-signaling"));
            SecondSignalingInstance instance = new SecondSignalingInstance(process, base, log);
            instance.awaitReady();
            return instance;
        } catch (IOException e) {
            stop(process);
            throw new IllegalStateException("cannot start a second signaling-service; see " + log, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(process);
            throw new IllegalStateException("interrupted while signaling-service started", e);
        }
    }

    /** Its base URL, as {@code @TestHTTPResource("/")} gives the instance under test's. */
    public URI base() {
        return base;
    }

    /**
     * Waits (at most 30 s) until it has read the visit from the appointments topic, which it does on
     * its own time. Asks as someone who may never join (a doctor who is not the visit's): refused
     * with {@code visit-unknown} while the visit is unknown, {@code forbidden} once known; nobody
     * joins. (A patient's token would not do: patients are told {@code forbidden} either way.)
     */
    public void awaitKnows(UUID visitId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            TestSocket probe = TestSocket.open(base, visitId).hello(TestTokens.forUser("probe-" + visitId, "doctor"));
            String code = probe.await("error").path("code").asText();
            probe.abort();
            if (code.equals("forbidden")) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("the second signaling instance did not learn visit " + visitId);
    }

    @Override
    public void close() {
        stop(process);
    }

    private void awaitReady() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI ready = base.resolve("q/health/ready");
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("signaling-service exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpRequest request = HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(5)).build();
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (ConnectException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IOException("signaling-service was not ready within 90 s; see " + log);
    }

    private static void stop(Process process) {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
