package org.telehealth.signaling.ws;

import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.telehealth.signaling.auth.TokenAuthenticator;
import org.telehealth.signaling.auth.VisitAdmission;
import org.telehealth.signaling.config.SignalingConfig;
import org.telehealth.signaling.media.MediaRelay;
import org.telehealth.signaling.protocol.ClientMessageParser;
import org.telehealth.signaling.protocol.ErrorCode;
import org.telehealth.signaling.protocol.ServerMessageWriter;
import org.telehealth.signaling.recording.VisitRecordings;
import org.telehealth.signaling.room.VisitRooms;

/**
 * The open sockets of this instance and their {@link VisitSession}s, with the hello deadline of
 * each: a socket that has not said hello within {@code signaling.hello-timeout} is closed.
 */
@ApplicationScoped
public class VisitSessions {

    private final Map<String, VisitSession> sessions = new ConcurrentHashMap<>();
    private final Map<String, Long> helloTimers = new ConcurrentHashMap<>();
    private final ServerMessageWriter writer = new ServerMessageWriter();
    private final SignalingConfig config;
    private final Vertx vertx;
    private final VisitSession.Collaborators app;

    public VisitSessions(SignalingConfig config, Vertx vertx, TokenAuthenticator authenticator,
            VisitAdmission admission, VisitRooms rooms, MediaRelay media, VisitRecordings recordings) {
        this.config = config;
        this.vertx = vertx;
        this.app = new VisitSession.Collaborators(
                new ClientMessageParser(config.maxMessageBytes(), config.maxChatChars(), config.maxSdpBytes()),
                authenticator, admission, rooms, media, recordings);
    }

    void opened(WebSocketConnection connection) {
        ConnectionSender out = new ConnectionSender(connection, writer);
        UUID visitId = visitIdOf(connection.pathParam("visitId"));
        if (visitId == null) {
            out.fail(ErrorCode.VISIT_UNKNOWN, "the path names no visit");
            return;
        }
        VisitSession session = new VisitSession(visitId, out,
                new MessageRateLimiter(config.messagesPerSecond(), config.messageBurst(), System.nanoTime()), app);
        sessions.put(connection.id(), session);
        // off the event loop: the session may be busy verifying a token that arrived just in time
        helloTimers.put(connection.id(), vertx.setTimer(config.helloTimeout().toMillis(),
                id -> vertx.executeBlocking(() -> {
                    session.helloTimedOut();
                    return null;
                }, false)));
    }

    void received(WebSocketConnection connection, String frame) {
        VisitSession session = sessions.get(connection.id());
        if (session != null) {
            session.receive(frame);
        }
    }

    void closed(WebSocketConnection connection) {
        Long timer = helloTimers.remove(connection.id());
        if (timer != null) {
            vertx.cancelTimer(timer);
        }
        VisitSession session = sessions.remove(connection.id());
        if (session != null) {
            session.closed();
        }
    }

    private static UUID visitIdOf(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }
}
