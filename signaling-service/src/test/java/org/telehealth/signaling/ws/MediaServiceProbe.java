package org.telehealth.signaling.ws;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.telehealth.infra.testing.TestTokens;

/** Asks the test's media-service directly what it holds, with a service token of its own. */
final class MediaServiceProbe {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private MediaServiceProbe() {
    }

    /** The status of GET .../stats: 200 while the participant is in the visit's media room, 404 once not. */
    static int statsStatus(UUID visitId, String participantId) {
        return send("GET", "/api/rooms/" + visitId + "/participants/" + participantId + "/stats").statusCode();
    }

    static String stats(UUID visitId, String participantId) {
        return send("GET", "/api/rooms/" + visitId + "/participants/" + participantId + "/stats").body();
    }

    /** The status of adding a participant: 404 once the room is closed. */
    static int addStatus(UUID visitId, String participantId) {
        return send("PUT", "/api/rooms/" + visitId + "/participants/" + participantId).statusCode();
    }

    /** Polls until the participant's stats answer {@code status}; fails after 10 s. */
    static void awaitStatsStatus(UUID visitId, String participantId, int status) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        int last = -1;
        while (System.nanoTime() < deadline) {
            last = statsStatus(visitId, participantId);
            if (last == status) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("media-service's stats of the participant answered " + last + ", not " + status);
    }

    private static HttpResponse<String> send(String method, String path) {
        URI url = URI.create(System.getProperty(MediaServiceTestResource.BASE_URL_PROPERTY) + path);
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5))
                .header("Authorization", "Bearer " + TestTokens.forUser("media-probe", "service"))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("media-service did not answer " + method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
