package org.telehealth.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two scripts of the media-service pod, run with bash as the pod runs them: the init container
 * that chooses the address announced in ICE, and the preStop hook that asks the instance to drain
 * and holds the pod while rooms are open. A local HTTP server stands in for the instance's
 * /q/metrics, and reports the instance draining once the request file exists, as the instance does.
 */
class MediaScriptsTest {

    private static final Path SCRIPTS = Repository.k8s().resolve(Path.of("base", "media"));

    @TempDir
    Path work;

    @BeforeAll
    static void bashExists() {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs /bin/bash");
    }

    @Test
    void aNodeWithoutAPublicEntryAnnouncesItsOwnAddress() throws Exception {
        Path output = work.resolve("application.properties");

        Result result = advertise(Map.of("NODE_NAME", "node-a", "HOST_IP", "10.10.0.7"), output);

        assertThat(result.exitCode()).isZero();
        assertThat(Files.readString(output)).contains("kafka.bootstrap.servers=telehealth-kafka-bootstrap:9093")
                .endsWith("media.transport.advertised-address=10.10.0.7\n");
    }

    @Test
    void aNodeBehindNatAnnouncesItsPublicAddress() throws Exception {
        Files.writeString(addresses().resolve("node-b"), " 203.0.113.25\n");
        Path output = work.resolve("application.properties");

        Result result = advertise(Map.of("NODE_NAME", "node-b", "HOST_IP", "10.10.0.8"), output);

        assertThat(result.exitCode()).isZero();
        assertThat(Files.readString(output)).endsWith("media.transport.advertised-address=203.0.113.25\n");
    }

    @Test
    void aMalformedPublicAddressStopsThePodFromStarting() throws Exception {
        Files.writeString(addresses().resolve("node-c"), "media.example.org");
        Path output = work.resolve("application.properties");

        Result result = advertise(Map.of("NODE_NAME", "node-c", "HOST_IP", "10.10.0.9"), output);

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("node-c");
        assertThat(output).doesNotExist();
    }

    @Test
    void theDrainAsksTheInstanceToDrainThenWaitsUntilTheLastRoomHasClosed() throws Exception {
        Path request = work.resolve("drain-requested");
        AtomicInteger scrapes = new AtomicInteger();
        AtomicInteger scrapesBeforeTheRequest = new AtomicInteger();
        AtomicInteger scrapesWhileDraining = new AtomicInteger();
        HttpServer metrics = metrics(() -> {
            scrapes.incrementAndGet();
            boolean draining = Files.exists(request);
            if (!draining) {
                scrapesBeforeTheRequest.incrementAndGet();
            }
            int rooms = draining && scrapesWhileDraining.incrementAndGet() >= 3 ? 0 : 2;
            return "# TYPE media_rooms gauge\nmedia_participants 3.0\nmedia_rooms " + rooms + ".0\n"
                    + "# TYPE media_draining gauge\nmedia_draining " + (draining ? 1 : 0) + ".0\n";
        });
        try {
            long started = System.nanoTime();
            Result result = drain(metrics.getAddress().getPort(), Map.of("MEDIA_DRAIN_REQUEST_FILE", request.toString()));

            assertThat(result.exitCode()).isZero();
            assertThat(request).as("the file the instance watches").exists();
            assertThat(scrapesBeforeTheRequest.get()).as("metrics read before the drain was asked for").isZero();
            assertThat(scrapes.get()).as("confirmation, then rooms until none was left").isEqualTo(3);
            assertThat(result.output()).contains("the instance opens no new room").contains("2 room(s) still open")
                    .contains("no room left").doesNotContain("did not confirm");
            assertThat(result.output().indexOf("opens no new room")).isLessThan(result.output().indexOf("still open"));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        } finally {
            metrics.stop(0);
        }
    }

    @Test
    void theDrainSaysSoWhenTheInstanceDoesNotConfirmAndStillWaitsForItsRooms() throws Exception {
        Path request = work.resolve("drain-requested");
        AtomicInteger scrapes = new AtomicInteger();
        HttpServer metrics = metrics(() -> "media_rooms " + (scrapes.incrementAndGet() >= 4 ? 0 : 1) + ".0\n");
        try {
            Result result = drain(metrics.getAddress().getPort(), Map.of("MEDIA_DRAIN_REQUEST_FILE", request.toString()));

            assertThat(result.exitCode()).isZero();
            assertThat(request).exists();
            assertThat(result.output()).contains("did not confirm its drain within 2 s").contains("1 room(s) still open")
                    .contains("no room left");
        } finally {
            metrics.stop(0);
        }
    }

    @Test
    void theDrainWithoutARequestFileOnlyWaits() throws Exception {
        AtomicInteger scrapes = new AtomicInteger();
        HttpServer metrics = metrics(() -> "media_draining 0.0\nmedia_rooms " + (scrapes.incrementAndGet() >= 2 ? 0 : 1) + ".0\n");
        try {
            Result result = drain(metrics.getAddress().getPort(), Map.of());

            assertThat(result.exitCode()).isZero();
            assertThat(scrapes.get()).isEqualTo(2);
            assertThat(result.output()).contains("MEDIA_DRAIN_REQUEST_FILE is not set").contains("no room left");
        } finally {
            metrics.stop(0);
        }
    }

    @Test
    void theDrainStopsAtOnceWhenTheInstanceDoesNotAnswer() throws Exception {
        HttpServer metrics = metrics(() -> "");
        int port = metrics.getAddress().getPort();
        metrics.stop(0);

        Result result = drain(port, Map.of("MEDIA_DRAIN_REQUEST_FILE", work.resolve("drain-requested").toString()));

        assertThat(result.exitCode()).isZero();
        assertThat(result.output()).contains("did not confirm").contains("metrics unreadable");
    }

    private Path addresses() throws IOException {
        return Files.createDirectories(work.resolve("public-addresses"));
    }

    private Result advertise(Map<String, String> environment, Path output) throws Exception {
        return run(SCRIPTS.resolve("advertise-address.sh"), Map.of(
                "PUBLIC_ADDRESSES_DIR", addresses().toString(),
                "CONFIG_TEMPLATE", SCRIPTS.resolve("application.properties").toString(),
                "CONFIG_OUTPUT", output.toString()), environment);
    }

    private Result drain(int port, Map<String, String> environment) throws Exception {
        return run(SCRIPTS.resolve("drain.sh"), Map.of("HOST_IP", "127.0.0.1", "MEDIA_HTTP_PORT", String.valueOf(port),
                "DRAIN_POLL_SECONDS", "1", "DRAIN_CONFIRM_SECONDS", "2"), environment);
    }

    private static Result run(Path script, Map<String, String> paths, Map<String, String> environment) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("/bin/bash", script.toString()).redirectErrorStream(true);
        builder.environment().remove("MEDIA_DRAIN_REQUEST_FILE");
        builder.environment().putAll(paths);
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(script + " did not finish within 30 s");
        }
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static HttpServer metrics(java.util.function.Supplier<String> body) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/q/metrics", exchange -> {
            byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return server;
    }

    private record Result(int exitCode, String output) {
    }
}
