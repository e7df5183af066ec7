package org.telehealth.signaling.ws;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.telehealth.infra.testing.FreePorts;
import org.telehealth.infra.testing.KafkaTestResource;
import org.telehealth.infra.testing.TokenIssuerTestResource;

/**
 * The real media-service for signaling's tests: its packaged app ({@code ../media-service/target/
 * quarkus-app}, built earlier in the reactor; failsafe names it in {@code media-service.app}) in a
 * JVM of its own on free ports, on the tests' Kafka broker (it reports its load there every second,
 * naming its control URL), its control API trusting {@code TestTokens} like every service under
 * test. Signaling's fallback control URL points at it too, and tests reach it directly through
 * {@link #BASE_URL_PROPERTY}.
 */
public class MediaServiceTestResource implements QuarkusTestResourceLifecycleManager {

    static final String BASE_URL_PROPERTY = "test.media-service.url";
    static final String INSTANCE_ID = "media-signaling-test";

    private Process process;

    @Override
    public Map<String, String> start() {
        Path app = Path.of(System.getProperty("media-service.app", "../media-service/target/quarkus-app/quarkus-run.jar"));
        if (!Files.isRegularFile(app)) {
            throw new IllegalStateException("media-service is not packaged (no " + app.toAbsolutePath()
                    + "); run ./mvnw -pl signaling-service -am verify, which packages it first");
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
                "-Dmedia.instance.id=" + INSTANCE_ID,
                "-Dmedia.instance.control-url=" + baseUrl,
                "-Dmedia.instance.load-report-interval=1s",
                "-Dkafka.bootstrap.servers=" + new KafkaTestResource().start().get("kafka.bootstrap.servers")));
        new TokenIssuerTestResource().start().forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", app.toAbsolutePath().toString()));
        Path log = Path.of("target", "media-service-" + port + ".log").toAbsolutePath();
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Process started = process;
            Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly, "stop-test-media-service"));
            awaitReady(URI.create(baseUrl + "/q/health/ready"), log);
        } catch (IOException e) {
            stop();
            throw new IllegalStateException("cannot start media-service; see " + log, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            throw new IllegalStateException("interrupted while media-service started", e);
        }
        System.setProperty(BASE_URL_PROPERTY, baseUrl);
        Map<String, String> config = new HashMap<>();
        config.put("signaling.media.default-control-url", baseUrl);
        // media-service reports every second here: three missed reports and an instance is gone
        config.put("signaling.media.report-expiry", "3s");
        return config;
    }

    @Override
    public void stop() {
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

    private void awaitReady(URI ready, Path log) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
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
            } catch (ConnectException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IOException("media-service was not ready within 90 s; see " + log);
    }
}
