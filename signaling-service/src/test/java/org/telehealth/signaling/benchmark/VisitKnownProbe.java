package org.telehealth.signaling.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * Waits until signaling has read a booked visit from Kafka: joins it with the given token (a
 * patient's link: waiting, no side effect on the call) until the answer is no longer
 * {@code visit-unknown}, then leaves.
 */
final class VisitKnownProbe {

    private VisitKnownProbe() {
    }

    static void await(String socketUrl, String origin, String token, Duration timeout) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            CompletableFuture<String> first = new CompletableFuture<>();
            WebSocket socket = http.newWebSocketBuilder().header("Origin", origin)
                    .buildAsync(URI.create(socketUrl), new WebSocket.Listener() {
                        private final StringBuilder text = new StringBuilder();

                        @Override
                        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean lastPart) {
                            text.append(data);
                            if (lastPart) {
                                first.complete(text.toString());
                            }
                            webSocket.request(1);
                            return null;
                        }
                    }).get(10, TimeUnit.SECONDS);
            socket.sendText("{\"type\":\"hello\",\"protocol\":1,\"token\":\"" + token + "\"}", true).get(10, TimeUnit.SECONDS);
            last = first.get(10, TimeUnit.SECONDS);
            if (last.contains("\"welcome\"")) {
                socket.sendText("{\"type\":\"leave\"}", true).get(10, TimeUnit.SECONDS);
                socket.abort();
                return;
            }
            socket.abort();
            Thread.sleep(200);
        }
        throw new IllegalStateException("signaling did not learn the booked visit in " + timeout + "; last answer: " + last);
    }
}
