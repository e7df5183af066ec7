package org.telehealth.signaling.media.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.telehealth.signaling.config.SignalingConfig;
import org.telehealth.signaling.media.client.MediaControlException.Kind;
import org.telehealth.signaling.media.placement.MediaInstance;

/**
 * Calls the control API of a media-service instance (docs/media-control.md): rooms, participants,
 * SDP offers and stats, with the service token, each call bounded by
 * {@code signaling.media.request-timeout}. Every failure becomes a {@link MediaControlException};
 * logs name the instance and the status, never an SDP or a token.
 */
@ApplicationScoped
public class MediaControlClient {

    private static final Logger LOG = Logger.getLogger(MediaControlClient.class);
    /** The ids media-service accepts. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final int MAX_REASON_CHARS = 300;
    private static final String APPLICATION_SDP = "application/sdp";

    private final ObjectMapper json = new ObjectMapper();
    private final WebClient web;
    private final ServiceTokens tokens;
    private final Duration timeout;

    public MediaControlClient(Vertx vertx, ServiceTokens tokens, SignalingConfig config) {
        this.timeout = config.media().requestTimeout();
        this.tokens = tokens;
        this.web = WebClient.create(vertx, new WebClientOptions()
                .setConnectTimeout((int) timeout.toMillis())
                .setFollowRedirects(false)
                .setUserAgent("signaling-service"));
    }

    @PreDestroy
    void close() {
        web.close();
    }

    /** Closes the room and ends everyone's media in it; a room already gone is fine. */
    public Uni<Void> closeRoom(MediaInstance instance, String roomId) {
        return call(instance, HttpMethod.DELETE, "room", () -> roomPath(roomId), request -> request.send()).replaceWithVoid();
    }

    /** Removes the participant and ends their media; one already gone is fine. */
    public Uni<Void> removeParticipant(MediaInstance instance, String roomId, String participantId) {
        return call(instance, HttpMethod.DELETE, "participant", () -> participantPath(roomId, participantId), request -> request.send())
                .replaceWithVoid();
    }

    /**
     * media-service's SDP answer to the participant's offer, the room opened and the participant
     * added first if they are not there (one request, for the first offer as for any other);
     * {@link Kind#REFUSED} with its reason if it refuses the offer, which then opens and
     * adds nothing.
     */
    public Uni<String> answer(MediaInstance instance, String roomId, String participantId, String offerSdp) {
        return call(instance, HttpMethod.POST, "sdp-offers", () -> participantPath(roomId, participantId) + "/sdp-offers?join=true",
                request -> request.putHeader("Content-Type", APPLICATION_SDP).putHeader("Accept", APPLICATION_SDP)
                        .sendBuffer(Buffer.buffer(offerSdp)))
                .map(HttpResponse::bodyAsString);
    }

    /** The participant's stats JSON (fields in docs/media-control.md). */
    public Uni<JsonNode> stats(MediaInstance instance, String roomId, String participantId) {
        return call(instance, HttpMethod.GET, "stats", () -> participantPath(roomId, participantId) + "/stats", request -> request.send())
                .map(response -> {
                    try {
                        return json.readTree(response.bodyAsString());
                    } catch (IOException e) {
                        throw new MediaControlException(Kind.UNAVAILABLE, "media-service answered no JSON");
                    }
                });
    }

    /**
     * @param resource what the call is about, for logs (which never name a visit or participant)
     */
    private Uni<HttpResponse<Buffer>> call(MediaInstance instance, HttpMethod method, String resource, Supplier<String> pathOf,
            Function<HttpRequest<Buffer>, Uni<HttpResponse<Buffer>>> send) {
        return Uni.createFrom().deferred(() -> request(instance, method, method + " " + resource, pathOf.get(), send));
    }

    private Uni<HttpResponse<Buffer>> request(MediaInstance instance, HttpMethod method, String what, String path,
            Function<HttpRequest<Buffer>, Uni<HttpResponse<Buffer>>> send) {
        String url = instance.controlUrl().toString().replaceAll("/+$", "") + path;
        return tokens.accessToken().chain(token -> send.apply(web.requestAbs(method, url)
                        .timeout(timeout.toMillis()).bearerTokenAuthentication(token))
                .ifNoItem().after(timeout).failWith(() -> new MediaControlException(Kind.UNAVAILABLE, "media-service did not answer in time"))
                .onFailure(e -> !(e instanceof MediaControlException)).transform(e -> {
                    LOG.warnf("Media instance %s unreachable (%s): %s", instance.id(), what, e.getClass().getSimpleName());
                    return new MediaControlException(Kind.UNAVAILABLE, "media is not available now");
                })
                .map(response -> checked(instance, what, token, response)));
    }

    private HttpResponse<Buffer> checked(MediaInstance instance, String what, String token,
            HttpResponse<Buffer> response) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return response;
        }
        if (status == 400) {
            throw new MediaControlException(Kind.REFUSED, reason(response));
        }
        if (status == 404) {
            throw new MediaControlException(Kind.NOT_FOUND, "media-service knows no such room or participant");
        }
        if (status == 409) {
            throw new MediaControlException(Kind.UNAVAILABLE, "the call's media room is full");
        }
        if (status == 401 || status == 403) {
            tokens.refused(token);
        }
        LOG.warnf("Media instance %s answered %d to %s", instance.id(), status, what);
        throw new MediaControlException(Kind.UNAVAILABLE, "media is not available now");
    }

    /** The problem's {@code detail} (media-service's reason), shortened and without control characters. */
    private String reason(HttpResponse<Buffer> response) {
        String detail = "media-service refused the offer";
        try {
            JsonNode problem = json.readTree(response.bodyAsString());
            if (problem != null && problem.path("detail").isTextual()) {
                detail = problem.path("detail").asText();
            }
        } catch (IOException | RuntimeException e) {
            // not a problem+json body: keep the general reason
        }
        detail = detail.replaceAll("\\p{Cntrl}", " ");
        return detail.length() <= MAX_REASON_CHARS ? detail : detail.substring(0, MAX_REASON_CHARS) + "…";
    }

    private static String roomPath(String roomId) {
        return "/api/rooms/" + id(roomId);
    }

    private static String participantPath(String roomId, String participantId) {
        return roomPath(roomId) + "/participants/" + id(participantId);
    }

    private static String id(String value) {
        if (value == null || !ID.matcher(value).matches()) {
            throw new MediaControlException(Kind.UNAVAILABLE, "this id cannot have media");
        }
        return value;
    }
}
