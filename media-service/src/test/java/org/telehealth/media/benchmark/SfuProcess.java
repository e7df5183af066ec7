package org.telehealth.media.benchmark;

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
import org.telehealth.infra.testing.FreePorts;
import org.telehealth.infra.testing.TokenIssuerTestResource;

/**
 * The packaged media-service ({@code target/quarkus-app/quarkus-run.jar}) in its own JVM, as it is
 * deployed: HTTP and the media UDP socket on 127.0.0.1, the control API trusting the tokens of
 * {@link org.telehealth.infra.testing.TestTokens} (platform-infra's token issuer), and Kafka pointed
 * at a port where nothing listens. No broker on purpose: events are off the packet path (the
 * emitter never blocks it), and a broker JVM would take CPU from the SFU and the load generator on
 * a 2-core machine; the producer only retries its connection, at most once a second.
 */
final class SfuProcess {

    private SfuProcess() {
    }

    static Started start(Path app, List<String> jvmOptions, Path log) throws IOException, InterruptedException {
        if (!Files.isRegularFile(app)) {
            throw new IOException("the SFU is not packaged (no " + app.toAbsolutePath()
                    + "); run ./mvnw -pl media-service package -DskipTests, or the benchmark through its Maven profile");
        }
        int httpPort = FreePorts.next();
        List<String> arguments = new ArrayList<>(jvmOptions);
        arguments.addAll(List.of(
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=" + httpPort,
                "-Dmedia.transport.bind-address=127.0.0.1",
                "-Dmedia.transport.port=0",
                "-Dkafka.bootstrap.servers=127.0.0.1:" + FreePorts.next()));
        for (Map.Entry<String, String> oidc : new TokenIssuerTestResource().start().entrySet()) {
            arguments.add("-D" + oidc.getKey() + "=" + oidc.getValue());
        }
        arguments.addAll(List.of("-jar", app.toAbsolutePath().toString()));
        ChildJvm jvm = ChildJvm.start("media-service", arguments, log);
        URI base = URI.create("http://127.0.0.1:" + httpPort);
        awaitLive(jvm, base);
        return new Started(jvm, base);
    }

    /** The running SFU: its process and the base URL of its HTTP endpoints. */
    record Started(ChildJvm jvm, URI baseUrl) {
    }

    private static void awaitLive(ChildJvm jvm, URI base) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest live = HttpRequest.newBuilder(base.resolve("/q/health/live")).timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            jvm.requireAlive();
            try {
                if (http.send(live, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (ConnectException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IOException("the SFU was not live within 90 s; see " + jvm.log().toAbsolutePath());
    }
}
