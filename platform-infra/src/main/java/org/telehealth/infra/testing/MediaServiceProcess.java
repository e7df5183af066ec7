package org.telehealth.infra.testing;

import java.io.IOException;
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
import java.util.concurrent.TimeUnit;

/**
 * The real media-service for another service's integration tests: its packaged app (built earlier in
 * the reactor; failsafe names it in system property {@code media-service.app}) in a JVM of its own,
 * on loopback and free ports, its control API trusting {@link TestTokens} like every service under
 * test, its load reports on the tests' Kafka broker. Stopped (SIGTERM, then SIGKILL) by
 * {@link #close()} and at the test JVM's exit.
 */
public final class MediaServiceProcess implements AutoCloseable {

    private final Process process;
    private final String baseUrl;

    private MediaServiceProcess(Process process, String baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
    }

    /**
     * Starts media-service and waits until it is ready.
     *
     * @param instanceId its instance id in load reports
     * @param settings more system properties for it
     */
    public static MediaServiceProcess start(String instanceId, Map<String, String> settings) {
        Path app = Path.of(System.getProperty("media-service.app", "../media-service/target/quarkus-app/quarkus-run.jar"));
        if (!Files.isRegularFile(app)) {
            throw new IllegalStateException("media-service is not packaged (no " + app.toAbsolutePath()
                    + "); run the module's tests with ./mvnw -pl <module> -am verify, which packages it first");
        }
        int port = FreePorts.next();
        String baseUrl = "http://127.0.0.1:" + port;
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=" + port,
                "-Dmedia.transport.bind-address=127.0.0.1",
                "-Dmedia.transport.port=0",
                "-Dmedia.instance.id=" + instanceId,
                "-Dmedia.instance.control-url=" + baseUrl,
                "-Dmedia.instance.load-report-interval=1s",
                "-Dkafka.bootstrap.servers=" + SharedInfrastructure.kafka().bootstrapServers()));
        new TokenIssuerTestResource().start().forEach((key, value) -> command.add("-D" + key + "=" + value));
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", app.toAbsolutePath().toString()));
        Path log = Path.of("target", "media-service-" + port + ".log").toAbsolutePath();
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start media-service; see " + log, e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "stop-test-media-service"));
        MediaServiceProcess media = new MediaServiceProcess(process, baseUrl);
        try {
            media.awaitReady(log);
        } catch (IOException | RuntimeException e) {
            media.close();
            throw new IllegalStateException("media-service did not start: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            media.close();
            throw new IllegalStateException("interrupted while media-service started", e);
        }
        return media;
    }

    /** Where its control API is, e.g. {@code http://127.0.0.1:41234}. */
    public String baseUrl() {
        return baseUrl;
    }

    @Override
    public void close() {
        if (!process.isAlive()) {
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

    private void awaitReady(Path log) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI ready = URI.create(baseUrl + "/q/health/ready");
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("media-service exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpRequest request = HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(5)).build();
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IOException("media-service was not ready within 90 s; see " + log);
    }
}
