package org.telehealth.recording.fork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.enterprise.inject.Vetoed;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telehealth.recording.session.CaptureConfig;
import org.telehealth.recording.session.CaptureException;
import org.telehealth.recording.session.CaptureSession;
import org.telehealth.recording.session.RecordingSink;

/**
 * The capture side's conversation with media-service's control API, against a stand-in that answers
 * as media-service does: the fork is asked for the visit's room at the capture socket's address with
 * the service token, stopped before the file is finished, replaced when an earlier capture left
 * one, refused with a reason that reaches the log, and reported lost when media-service stops
 * confirming it.
 */
class ForkCaptureStarterTest {

    private final ObjectMapper json = new ObjectMapper();
    private final UUID recording = UUID.randomUUID();
    private final UUID visit = UUID.randomUUID();
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final Deque<Integer> answers = new ArrayDeque<>();
    private final FakeTokens tokens = new FakeTokens();
    private final TestSink sink = new TestSink();
    private HttpServer media;
    private URI control;
    private volatile String lastBody;
    private volatile int forkStatus = 200;

    @BeforeEach
    void startMediaService() throws IOException {
        media = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        media.createContext("/api/rooms/", this::answer);
        media.start();
        control = URI.create("http://127.0.0.1:" + media.getAddress().getPort());
    }

    @AfterEach
    void stopMediaService() {
        media.stop(0);
    }

    @Test
    void shouldForkTheVisitsRoomToTheCaptureSocketWithTheServiceTokenAndStopTheForkBeforeFinishing() throws Exception {
        ForkCaptureStarter starter = starter(Duration.ofSeconds(30));

        CaptureSession session = starter.start(recording, visit, Optional.of(control), sink);

        assertThat(calls).containsExactly("PUT /api/rooms/" + visit + "/recording Bearer token-1");
        JsonNode target = json.readTree(lastBody);
        assertThat(target.path("host").asText()).isEqualTo("127.0.0.1");
        assertThat(target.path("port").asInt()).as("the capture socket is bound there").satisfies(port -> assertBound(port));
        assertThat(sink.heads).as("the WebM header went to the head, before any media").hasSize(1);

        session.stop();
        assertThat(calls).last().isEqualTo("DELETE /api/rooms/" + visit + "/recording Bearer token-1");
        assertThat(sink.heads).as("finished: the head written again with the duration").hasSize(2);
        assertThat(sink.failures).isEmpty();
    }

    @Test
    void shouldReplaceAForkThatAnEarlierCaptureOfTheVisitLeft() throws Exception {
        answers.add(409);

        starter(Duration.ofSeconds(30)).start(recording, visit, Optional.of(control), sink).stop();

        assertThat(calls).extracting(call -> call.split(" ")[0]).containsExactly("PUT", "DELETE", "PUT", "DELETE");
    }

    @Test
    void shouldFailToStartWithMediaServicesReasonAndFreeTheCapturePort() throws Exception {
        answers.add(403);
        int port = freeUdpPort();
        ForkCaptureStarter starter = new ForkCaptureStarter(new MediaForkClient(tokens, config()), new CapturePorts(capture(port,
                Duration.ofSeconds(30))), capture(port, Duration.ofSeconds(30)), config());

        assertThatThrownBy(() -> starter.start(recording, visit, Optional.of(control), sink)).isInstanceOf(CaptureException.class)
                .hasMessageContaining("403").hasMessageContaining("not among the allowed targets");

        starter.start(recording, visit, Optional.of(control), sink).stop();
        assertThat(lastBody).as("the only capture port was free again").contains("\"port\":" + port);
    }

    @Test
    void shouldAskForANewTokenWhenMediaServiceRefusesOneAndCallAgain() throws Exception {
        answers.add(401);

        starter(Duration.ofSeconds(30)).start(recording, visit, Optional.of(control), sink);

        assertThat(calls).containsExactly("PUT /api/rooms/" + visit + "/recording Bearer token-1",
                "PUT /api/rooms/" + visit + "/recording Bearer token-2");
    }

    @Test
    void shouldReportTheCaptureFailedOnceMediaServiceNoLongerConfirmsTheFork() throws Exception {
        ForkCaptureStarter starter = starter(Duration.ofMillis(200));
        CaptureSession session = starter.start(recording, visit, Optional.of(control), sink);

        starter.checkForks();
        assertThat(sink.failures).as("confirmed").isEmpty();

        forkStatus = 404;
        Thread.sleep(300);
        starter.checkForks();
        assertThat(sink.failures).singleElement().asString().contains("has not confirmed the fork");
        session.stop();
    }

    private ForkCaptureStarter starter(Duration lostAfter) {
        CaptureConfig capture = capture(0, lostAfter);
        return new ForkCaptureStarter(new MediaForkClient(tokens, config()), new CapturePorts(capture), capture, config());
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            calls.add(method + " " + exchange.getRequestURI().getPath() + " " + exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (method.equals("PUT")) {
                lastBody = new String(body, StandardCharsets.UTF_8);
            }
            Integer scripted = method.equals("PUT") ? answers.poll() : null;
            int status = scripted != null ? scripted : method.equals("GET") ? forkStatus : 200;
            if (status == 401) {
                tokens.rotate();
            }
            byte[] answer = status == 403
                    ? "{\"status\":403,\"detail\":\"127.0.0.1 is not among the allowed targets\"}".getBytes(StandardCharsets.UTF_8)
                    : "{}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", status == 403 ? "application/problem+json" : "application/json");
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    private static void assertBound(int port) {
        assertThatThrownBy(() -> new DatagramSocket(port, InetAddress.getLoopbackAddress()).close())
                .as("port %d is the capture's", port).isInstanceOf(IOException.class);
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static MediaConfig config() {
        return new MediaConfig() {
            @Override
            public URI defaultControlUrl() {
                return URI.create("http://127.0.0.1:9");
            }

            @Override
            public Duration requestTimeout() {
                return Duration.ofSeconds(5);
            }
        };
    }

    /** Captures on loopback, on any free port (0) or on exactly {@code port}. */
    private static CaptureConfig capture(int port, Duration lostAfter) {
        return new CaptureConfig() {
            @Override
            public String nodeId() {
                return "test-node";
            }

            @Override
            public Duration superviseInterval() {
                return Duration.ofSeconds(1);
            }

            @Override
            public Duration storeRetryInterval() {
                return Duration.ofSeconds(30);
            }

            @Override
            public String bindAddress() {
                return "127.0.0.1";
            }

            @Override
            public Optional<String> advertisedHost() {
                return Optional.empty();
            }

            @Override
            public int firstPort() {
                return port;
            }

            @Override
            public int lastPort() {
                return port;
            }

            @Override
            public Duration forkCheckInterval() {
                return Duration.ofSeconds(5);
            }

            @Override
            public Duration forkLostAfter() {
                return lostAfter;
            }
        };
    }

    /**
     * Service tokens as Keycloak would hand them out: a new one after media-service refused the last.
     * Vetoed: it would inherit the bean's scope and stand beside it in the @QuarkusTest apps.
     */
    @Vetoed
    private static final class FakeTokens extends ServiceTokens {

        private volatile int issued = 1;
        private volatile boolean rotate;

        FakeTokens() {
            super(null, null, config());
        }

        void rotate() {
            rotate = true;
        }

        @Override
        public String accessToken() {
            return "token-" + issued;
        }

        @Override
        public void refused(String token) {
            if (rotate && token.equals("token-" + issued)) {
                issued++;
                rotate = false;
            }
        }
    }

    /** The recording's sink as the capture side sees it: heads, body bytes, failures reported. */
    private static final class TestSink extends RecordingSink {

        final List<byte[]> heads = new CopyOnWriteArrayList<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
        final List<String> failures = new CopyOnWriteArrayList<>();

        @Override
        public void writeHead(byte[] head) {
            heads.add(head.clone());
        }

        @Override
        public synchronized void write(int b) {
            body.write(b);
        }

        @Override
        public void captureFailed(String reason) {
            failures.add(reason);
        }
    }
}
