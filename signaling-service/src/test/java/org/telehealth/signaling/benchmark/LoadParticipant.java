package org.telehealth.signaling.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

/**
 * One participant's visit socket in the load generator (Vert.x): joins with a token, then, once
 * the benchmark starts its traffic, sends a chat line every {@code interval} and a ping every
 * {@code pingInterval} (as the visit page does), each at a random phase, and times what comes back
 * through {@link LoadTraffic}. A chat line's text is {@code load <tag> <System.nanoTime at send>}.
 */
final class LoadParticipant {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebSocket socket;
    private final Context context;
    private final LoadTraffic traffic;
    private final List<Expectation> expectations = new ArrayList<>();
    private volatile String participantId;
    private volatile long pingSentAt;
    private volatile int pingTag;

    private record Expectation(String type, Predicate<JsonNode> matching, CompletableFuture<JsonNode> result) {
    }

    /** A protocol error the server answered instead of what was expected. */
    static final class ServerError extends RuntimeException {

        final String code;

        ServerError(String code) {
            super("signaling answered error " + code);
            this.code = code;
        }
    }

    private LoadParticipant(WebSocket socket, Context context, LoadTraffic traffic) {
        this.socket = socket;
        this.context = context;
        this.traffic = traffic;
        socket.textMessageHandler(this::received);
        socket.exceptionHandler(failure -> failAll(failure));
        socket.closeHandler(closed -> failAll(new IllegalStateException("socket closed: " + socket.closeStatusCode())));
    }

    /** Opens a visit socket (with the page origin signaling allows). */
    static CompletableFuture<LoadParticipant> open(WebSocketClient client, int port, String path, String origin,
            LoadTraffic traffic) {
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI(path)
                .addHeader("Origin", origin);
        return client.connect(options).map(socket -> new LoadParticipant(socket, Vertx.currentContext(), traffic))
                .toCompletionStage().toCompletableFuture();
    }

    /** Says hello; completes with {@code welcome}, or fails with the server's error (e.g. visit-unknown). */
    CompletableFuture<JsonNode> hello(String token) {
        CompletableFuture<JsonNode> welcome = expect("welcome", message -> true);
        send("{\"type\":\"hello\",\"protocol\":1,\"token\":\"" + token + "\"}");
        return welcome.thenApply(message -> {
            participantId = message.path("participantId").asText();
            return message;
        });
    }

    /** The next message of {@code type} that matches; fails on an error message or the socket's end. */
    CompletableFuture<JsonNode> expect(String type, Predicate<JsonNode> matching) {
        CompletableFuture<JsonNode> result = new CompletableFuture<>();
        synchronized (expectations) {
            expectations.add(new Expectation(type, matching, result));
        }
        return result;
    }

    void send(String frame) {
        socket.writeTextMessage(frame);
    }

    /** Starts this participant's chat and pings, on its socket's event loop, at random phases. */
    void startTraffic(long intervalMillis, long pingIntervalMillis) {
        context.runOnContext(ignored -> {
            Vertx vertx = context.owner();
            vertx.setPeriodic(1 + ThreadLocalRandom.current().nextLong(intervalMillis), intervalMillis, id -> chat());
            vertx.setPeriodic(1 + ThreadLocalRandom.current().nextLong(pingIntervalMillis), pingIntervalMillis, id -> ping());
        });
    }

    void close() {
        socket.close();
    }

    private void chat() {
        int tag = traffic.chatSent();
        socket.writeTextMessage("{\"type\":\"chat\",\"text\":\"load " + tag + " " + System.nanoTime() + "\"}");
    }

    private void ping() {
        pingTag = traffic.pingSent();
        pingSentAt = System.nanoTime();
        socket.writeTextMessage("{\"type\":\"ping\"}");
    }

    private void received(String text) {
        long now = System.nanoTime();
        JsonNode message;
        try {
            message = JSON.readTree(text);
        } catch (Exception e) {
            return;
        }
        String type = message.path("type").asText();
        if (type.equals("chat")) {
            if (!message.path("from").asText().equals(participantId)) {
                String[] parts = message.path("text").asText().split(" ");
                if (parts.length == 3 && parts[0].equals("load")) {
                    traffic.chatDelivered(Integer.parseInt(parts[1]), now - Long.parseLong(parts[2]));
                }
            }
            return;
        }
        if (type.equals("pong")) {
            traffic.pongReceived(pingTag, now - pingSentAt);
            return;
        }
        synchronized (expectations) {
            if (type.equals("error")) {
                ServerError error = new ServerError(message.path("code").asText());
                expectations.forEach(expected -> expected.result().completeExceptionally(error));
                expectations.clear();
                return;
            }
            for (Expectation expected : expectations) {
                if (expected.type().equals(type) && expected.matching().test(message)) {
                    expectations.remove(expected);
                    expected.result().complete(message);
                    return;
                }
            }
        }
    }

    private void failAll(Throwable failure) {
        synchronized (expectations) {
            expectations.forEach(expected -> expected.result().completeExceptionally(failure));
            expectations.clear();
        }
    }
}
