package org.telehealth.recording.fork;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.telehealth.recording.fork.MediaControlException.Kind;

/**
 * Calls the recording fork of media-service's control API (docs/media-control.md, "Recording fork"):
 * {@code PUT}, {@code GET} and {@code DELETE /api/rooms/{room}/recording}, with the service token,
 * each call bounded by {@code recording.media.request-timeout}. The media room of a visit is named
 * by the visit id, as signaling names it. A refused token is fetched anew and the call made once
 * more. Blocking: capture start, stop and the fork checks run on worker threads.
 */
@ApplicationScoped
public class MediaForkClient {

    private static final Logger LOG = Logger.getLogger(MediaForkClient.class);
    private static final int MAX_REASON_CHARS = 300;

    private final ObjectMapper json = new ObjectMapper();
    private final ServiceTokens tokens;
    private final Duration timeout;
    private final HttpClient http;

    public MediaForkClient(ServiceTokens tokens, MediaConfig config) {
        this.tokens = tokens;
        this.timeout = config.requestTimeout();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Forks the visit's media room to {@code host}:{@code port} (idempotent for the same address). */
    public void startFork(URI control, UUID visitId, String host, int port) {
        String body;
        try {
            body = json.writeValueAsString(Map.of("host", host, "port", port));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the fork's target", e);
        }
        send(control, visitId, "PUT", HttpRequest.BodyPublishers.ofString(body));
    }

    /** Stops the visit's fork; one already gone (or a room already closed) is fine. */
    public void stopFork(URI control, UUID visitId) {
        try {
            send(control, visitId, "DELETE", HttpRequest.BodyPublishers.noBody());
        } catch (MediaControlException e) {
            if (e.kind() != Kind.NOT_FOUND) {
                throw e;
            }
        }
    }

    /** True while media-service forks the visit's room, false once the room or its fork is gone. */
    public boolean forkRunning(URI control, UUID visitId) {
        try {
            send(control, visitId, "GET", HttpRequest.BodyPublishers.noBody());
            return true;
        } catch (MediaControlException e) {
            if (e.kind() == Kind.NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }

    private HttpResponse<String> send(URI control, UUID visitId, String method, HttpRequest.BodyPublisher body) {
        URI url = URI.create(control.toString().replaceAll("/+$", "") + "/api/rooms/" + visitId + "/recording");
        for (int attempt = 1; ; attempt++) {
            String token = tokens.accessToken();
            HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).method(method, body)
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .header("Accept", "application/json").build();
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                LOG.warnf("media-service at %s unreachable (%s recording fork): %s", control.getAuthority(), method,
                        e.getClass().getSimpleName());
                throw new MediaControlException(Kind.UNAVAILABLE, "media-service at " + control.getAuthority() + " is unreachable");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MediaControlException(Kind.UNAVAILABLE, "interrupted while calling media-service");
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return response;
            }
            if (status == 401 && attempt == 1) {
                tokens.refused(token);
                continue;
            }
            String what = method + " recording fork at " + control.getAuthority();
            switch (status) {
                case 400, 403 -> throw new MediaControlException(Kind.REFUSED, what + " refused (" + status + "): " + reason(response));
                case 404 -> throw new MediaControlException(Kind.NOT_FOUND, what + ": no such media room, or it is not recorded");
                case 409 -> throw new MediaControlException(Kind.CONFLICT, what + ": the room is recorded to another address");
                default -> {
                    LOG.warnf("media-service answered %d to %s", status, what);
                    throw new MediaControlException(Kind.UNAVAILABLE, what + " failed (" + status + ")");
                }
            }
        }
    }

    /** The problem's {@code detail} (media-service's reason), shortened and without control characters. */
    private String reason(HttpResponse<String> response) {
        String detail = "no reason given";
        try {
            JsonNode problem = json.readTree(response.body());
            if (problem != null && problem.path("detail").isTextual()) {
                detail = problem.path("detail").asText();
            }
        } catch (IOException | RuntimeException e) {
            // not a problem+json body: keep the general reason
        }
        detail = detail.replaceAll("\\p{Cntrl}", " ");
        return detail.length() <= MAX_REASON_CHARS ? detail : detail.substring(0, MAX_REASON_CHARS) + "…";
    }
}
