package org.telehealth.media.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.telehealth.infra.testing.TestTokens;

/**
 * The SFU's control API as signaling-service calls it (docs/media-control.md), with a service token
 * from platform-infra's test token issuer. Any answer but the expected one fails the benchmark.
 */
final class ControlApiClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final URI base;
    private final String token = TestTokens.forUser("signaling-service", "service");

    ControlApiClient(URI base) {
        this.base = base;
    }

    void openRoom(String room) throws IOException, InterruptedException {
        send(request("/api/rooms/" + room).PUT(HttpRequest.BodyPublishers.noBody()), 204);
    }

    void join(String room, String participant) throws IOException, InterruptedException {
        send(request("/api/rooms/" + room + "/participants/" + participant).PUT(HttpRequest.BodyPublishers.noBody()), 204);
    }

    /** Posts the participant's SDP offer and returns the SFU's answer. */
    String offer(String room, String participant, String sdp) throws IOException, InterruptedException {
        return send(request("/api/rooms/" + room + "/participants/" + participant + "/sdp-offers")
                .header("Content-Type", "application/sdp")
                .POST(HttpRequest.BodyPublishers.ofString(sdp)), 200);
    }

    /** Forks the room's media to a recorder's UDP address (the recording fork), as recording-service asks. */
    void fork(String room, String host, int port) throws IOException, InterruptedException {
        send(request("/api/rooms/" + room + "/recording")
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"host\":\"" + host + "\",\"port\":" + port + "}")), 200);
    }

    /** Stops the room's recording fork: the recorder gets a BYE for every track. */
    void stopFork(String room) throws IOException, InterruptedException {
        send(request("/api/rooms/" + room + "/recording").DELETE(), 204);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).header("Authorization", "Bearer " + token);
    }

    private String send(HttpRequest.Builder request, int expectedStatus) throws IOException, InterruptedException {
        HttpRequest built = request.build();
        HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expectedStatus) {
            throw new IOException(built.method() + " " + built.uri().getPath() + " answered " + response.statusCode()
                    + ": " + response.body());
        }
        return response.body();
    }
}
