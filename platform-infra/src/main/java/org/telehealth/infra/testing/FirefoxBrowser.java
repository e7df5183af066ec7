package org.telehealth.infra.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real headless Firefox (Debian's firefox-esr) driven over WebDriver BiDi, the protocol Firefox
 * serves itself: there is no geckodriver on these machines, so the test talks BiDi's JSON over the
 * browser's own WebSocket. Started with a fresh profile whose preferences give a fake camera and
 * microphone with no permission prompt, let media play without a gesture, and let WebRTC gather
 * 127.0.0.1 host candidates, so that it can reach a media server that listens on loopback. One
 * browser, one page (its first tab).
 */
public final class FirefoxBrowser implements TestBrowser {

    public static final Path FIREFOX = Path.of("/usr/bin/firefox-esr");

    /** How long a command may take when its caller gives no time (as WebDriver's default script timeout). */
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(40);

    /**
     * The profile's preferences (user.js), each with why it is there. The remote agent adds its own
     * recommended automation preferences (no updates, no first-run pages) on top.
     */
    private static final Map<String, Object> PREFERENCES = Map.ofEntries(
            // getUserMedia answers with Firefox's generated video and a tone instead of real devices
            Map.entry("media.navigator.streams.fake", true),
            // and without asking the user
            Map.entry("media.navigator.permission.disabled", true),
            // every site holds the camera and microphone permission (1 = allow). Needed for ICE: a page
            // without it gathers on the default route's addresses only, never on 127.0.0.1 (and a
            // getUserMedia let through by the pref above does not count as a permission)
            Map.entry("permissions.default.camera", 1),
            Map.entry("permissions.default.microphone", 1),
            // ICE gathers on loopback too (off by default); with the permission above Firefox then
            // offers 127.0.0.1, the only candidate that can pair with a server's 127.0.0.1 candidate
            Map.entry("media.peerconnection.ice.loopback", true),
            // remote audio and video play in autoplay elements with no user gesture (0 = allowed)
            Map.entry("media.autoplay.default", 0),
            Map.entry("media.autoplay.blocking_policy", 0));

    private final Process firefox;
    private final Path profile;
    private final WebSocket socket;
    private final BidiReplies replies;
    private final AtomicLong ids = new AtomicLong();
    private final ObjectMapper json = new ObjectMapper();
    private final String context;

    private FirefoxBrowser(Process firefox, Path profile, WebSocket socket, BidiReplies replies) throws IOException, InterruptedException {
        this.firefox = firefox;
        this.profile = profile;
        this.socket = socket;
        this.replies = replies;
        send("session.new", Map.of("capabilities", Map.of()), COMMAND_TIMEOUT);
        this.context = send("browsingContext.getTree", Map.of(), COMMAND_TIMEOUT).path("contexts").path(0).path("context").asText();
        if (context.isEmpty()) {
            throw new IOException("firefox has no browsing context");
        }
    }

    /** True when Debian's firefox-esr is installed (.ci/run installs it). */
    public static boolean available() {
        return Files.isExecutable(FIREFOX);
    }

    public static FirefoxBrowser start() throws IOException, InterruptedException {
        return start(Map.of());
    }

    /**
     * Starts with {@code preferences} (about:config names; booleans, numbers or strings) set on top of
     * this class's own, e.g. to turn off a codec for one test.
     */
    public static FirefoxBrowser start(Map<String, Object> preferences) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("firefox-profile-");
        StringBuilder prefs = new StringBuilder();
        ObjectMapper json = new ObjectMapper();
        Map<String, Object> all = new TreeMap<>(PREFERENCES);
        all.putAll(preferences);
        for (var pref : all.entrySet()) {
            prefs.append("user_pref(").append(json.writeValueAsString(pref.getKey())).append(", ")
                    .append(json.writeValueAsString(pref.getValue())).append(");\n");
        }
        Files.writeString(profile.resolve("user.js"), prefs);
        Path log = profile.resolve("firefox.log");
        // port 0: Firefox picks a free port and writes it into the profile's WebDriverBiDiServer.json
        Process firefox = new ProcessBuilder(FIREFOX.toString(), "--headless", "--no-remote", "--remote-debugging-port=0",
                "--profile", profile.toString(), "about:blank")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            URI endpoint = awaitEndpoint(firefox, profile, log);
            BidiReplies replies = new BidiReplies();
            WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                    .buildAsync(endpoint, replies).get(10, TimeUnit.SECONDS);
            return new FirefoxBrowser(firefox, profile, socket, replies);
        } catch (Exception e) {
            kill(firefox);
            delete(profile);
            if (e instanceof IOException io) {
                throw io;
            }
            if (e instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            throw new IOException("firefox did not start: " + e, e);
        }
    }

    @Override
    public String name() {
        return "firefox";
    }

    @Override
    public void open(String url) throws IOException, InterruptedException {
        send("browsingContext.navigate", Map.of("context", context, "url", url, "wait", "complete"), COMMAND_TIMEOUT);
    }

    @Override
    public String currentUrl() throws IOException, InterruptedException {
        return send("browsingContext.getTree", Map.of("root", context), COMMAND_TIMEOUT).path("contexts").path(0).path("url").asText();
    }

    @Override
    public JsonNode execute(String script, Object... args) throws IOException, InterruptedException {
        return execute(COMMAND_TIMEOUT, script, args);
    }

    /** {@link #execute(String, Object...)} that may take up to {@code timeout}. */
    public JsonNode execute(Duration timeout, String script, Object... args) throws IOException, InterruptedException {
        // BiDi gives results as its own typed values: the page turns the result into JSON text instead
        String function = "async function(argumentsJson) {\n"
                + "const result = await (function() {\n" + script + "\n}).apply(null, JSON.parse(argumentsJson));\n"
                + "return JSON.stringify(result === undefined ? null : result);\n}";
        JsonNode outcome = send("script.callFunction", Map.of(
                "functionDeclaration", function,
                "arguments", List.of(Map.of("type", "string", "value", json.writeValueAsString(Arrays.asList(args)))),
                "target", Map.of("context", context),
                "awaitPromise", true,
                "resultOwnership", "none"), timeout);
        if (outcome.path("type").asText().equals("exception")) {
            throw new IOException("script failed in firefox: " + outcome.path("exceptionDetails").path("text").asText(outcome.toString()));
        }
        JsonNode result = outcome.path("result");
        if (!result.path("type").asText().equals("string")) {
            throw new IOException("script gave no JSON text: " + outcome);
        }
        return json.readTree(result.path("value").asText());
    }

    @Override
    public void close() {
        try {
            send("session.end", Map.of(), Duration.ofSeconds(5));
        } catch (IOException | InterruptedException | RuntimeException ignored) {
            // the process goes anyway
        }
        socket.abort();
        kill(firefox);
        delete(profile);
    }

    /** Sends one BiDi command and returns its result; fails on an error reply or after {@code timeout}. */
    private JsonNode send(String method, Map<String, Object> params, Duration timeout) throws IOException, InterruptedException {
        long id = ids.incrementAndGet();
        CompletableFuture<JsonNode> reply = replies.expect(id);
        String command = json.writeValueAsString(Map.of("id", id, "method", method, "params", params));
        JsonNode message;
        try {
            synchronized (socket) { // one message at a time on a java.net.http.WebSocket
                socket.sendText(command, true).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
            message = reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IOException("firefox connection lost during " + method, e.getCause());
        } catch (TimeoutException e) {
            throw new IOException(method + " got no answer from firefox within " + timeout);
        } finally {
            replies.forget(id);
        }
        if (message.path("type").asText().equals("error")) {
            throw new IOException(method + " failed in firefox: " + message.path("error").asText() + ": "
                    + message.path("message").asText());
        }
        return message.path("result");
    }

    /** The BiDi WebSocket address, once Firefox has written it into the profile. */
    private static URI awaitEndpoint(Process firefox, Path profile, Path log) throws IOException, InterruptedException {
        Path server = profile.resolve("WebDriverBiDiServer.json");
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            if (Files.exists(server)) {
                try {
                    JsonNode address = new ObjectMapper().readTree(server.toFile());
                    if (address.path("ws_port").asInt() > 0) {
                        return URI.create("ws://" + address.path("ws_host").asText("127.0.0.1") + ":"
                                + address.path("ws_port").asInt() + "/session");
                    }
                } catch (IOException halfWritten) {
                    // read again
                }
            }
            if (!firefox.isAlive() || System.nanoTime() > deadline) {
                throw new IOException("firefox did not open its WebDriver BiDi port"
                        + (firefox.isAlive() ? " within " + START_TIMEOUT : " (exited " + firefox.exitValue() + ")")
                        + ": " + Files.readString(log, StandardCharsets.UTF_8).strip());
            }
            Thread.sleep(100);
        }
    }

    /** Ends Firefox and its content processes, and waits until they are gone so that nothing writes the profile. */
    private static void kill(Process firefox) {
        List<ProcessHandle> all = new ArrayList<>(firefox.descendants().toList());
        all.add(firefox.toHandle());
        all.forEach(ProcessHandle::destroyForcibly);
        try {
            CompletableFuture.allOf(all.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new))
                    .get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // killed; the system reaps them
        }
    }

    private static void delete(Path folder) {
        try (var files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder
        }
    }

    /** Collects the browser's messages (possibly in several frames) and hands each reply to its command. */
    private static final class BidiReplies implements WebSocket.Listener {

        private final Map<Long, CompletableFuture<JsonNode>> waiting = new ConcurrentHashMap<>();
        private final StringBuilder partial = new StringBuilder();
        private final ObjectMapper json = new ObjectMapper();

        CompletableFuture<JsonNode> expect(long id) {
            CompletableFuture<JsonNode> reply = new CompletableFuture<>();
            waiting.put(id, reply);
            return reply;
        }

        void forget(long id) {
            waiting.remove(id);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    JsonNode message = json.readTree(text);
                    // events (no id) are not subscribed to; an error about an unreadable command has a null id
                    CompletableFuture<JsonNode> reply = message.hasNonNull("id") ? waiting.get(message.path("id").asLong()) : null;
                    if (reply != null) {
                        reply.complete(message);
                    }
                } catch (IOException unreadable) {
                    // not BiDi: nothing waits for it
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            failAll(new IOException("firefox closed the connection: " + statusCode + " " + reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            failAll(error);
        }

        private void failAll(Throwable cause) {
            waiting.values().forEach(reply -> reply.completeExceptionally(cause));
        }
    }
}
