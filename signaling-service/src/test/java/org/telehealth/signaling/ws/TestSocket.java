package org.telehealth.signaling.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A participant's page in a test: a JDK WebSocket that queues what the server sends. */
final class TestSocket implements WebSocket.Listener {

    static final String PORTAL_ORIGIN = "http://localhost:8081";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    static TestSocket open(URI base, Object visitId) {
        return open(base, visitId, PORTAL_ORIGIN);
    }

    static TestSocket open(URI base, Object visitId, String origin) {
        TestSocket client = new TestSocket();
        URI uri = URI.create(base.toString().replaceFirst("^http", "ws") + "ws/visits/" + visitId);
        client.socket = HTTP.newWebSocketBuilder().header("Origin", origin)
                .buildAsync(uri, client).orTimeout(10, TimeUnit.SECONDS).join();
        return client;
    }

    TestSocket send(String frame) {
        socket.sendText(frame, true).orTimeout(5, TimeUnit.SECONDS).join();
        return this;
    }

    TestSocket hello(String token) {
        return send("{\"type\":\"hello\",\"protocol\":1,\"token\":\"" + token + "\"}");
    }

    /** The next message of this type, skipping others; fails after 10 s. */
    JsonNode await(String type) {
        return await(type, message -> true);
    }

    /** The next message of this type that matches, skipping others; fails after 10 s. */
    JsonNode await(String type, Predicate<JsonNode> wanted) {
        List<String> skipped = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        try {
            while (System.nanoTime() < deadline) {
                JsonNode next = received.poll(100, TimeUnit.MILLISECONDS);
                if (next != null) {
                    if (type.equals(next.path("type").asText()) && wanted.test(next)) {
                        return next;
                    }
                    skipped.add(next.toString());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new AssertionError("no '" + type + "' message; received " + skipped);
    }

    /** Messages received within the given time. */
    List<JsonNode> drain(Duration during) throws InterruptedException {
        List<JsonNode> all = new ArrayList<>();
        long deadline = System.nanoTime() + during.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode next = received.poll(50, TimeUnit.MILLISECONDS);
            if (next != null) {
                all.add(next);
            }
        }
        return all;
    }

    /** The close code the server sent; fails after 10 s. */
    int awaitClose() {
        return closeCode.orTimeout(10, TimeUnit.SECONDS).join();
    }

    boolean isClosed() {
        return closeCode.isDone();
    }

    void abort() {
        socket.abort();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                received.add(JSON.readTree(partial.toString()));
            } catch (Exception e) {
                throw new AssertionError("server sent no JSON: " + partial, e);
            }
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeCode.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closeCode.completeExceptionally(error);
    }
}
