package org.telehealth.signaling.ws;

import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.http.HttpClosedException;
import org.jboss.logging.Logger;

/**
 * The visit socket, {@code /ws/visits/{visitId}}: one per participant page, protocol v1
 * (docs/signaling-protocol.md). Callbacks run on worker threads, one at a time per connection
 * (token verification may block on fetching keys), and hand over to {@link VisitSessions}.
 */
@WebSocket(path = "/ws/visits/{visitId}")
public class VisitSocket {

    private static final Logger LOG = Logger.getLogger(VisitSocket.class);

    private final VisitSessions sessions;

    public VisitSocket(VisitSessions sessions) {
        this.sessions = sessions;
    }

    @OnOpen
    public void onOpen(WebSocketConnection connection) {
        sessions.opened(connection);
    }

    @OnTextMessage
    public void onMessage(String frame, WebSocketConnection connection) {
        sessions.received(connection, frame);
    }

    @OnClose
    public void onClose(WebSocketConnection connection) {
        sessions.closed(connection);
    }

    @OnError
    public void onError(Throwable failure, WebSocketConnection connection) {
        if (failure instanceof HttpClosedException || connection.isClosed()) {
            return; // the peer went away mid-write; onClose cleans up
        }
        // the class only: messages may quote client input
        LOG.warnf("Visit socket failed: %s", failure.getClass().getName());
        connection.close(CloseReason.INTERNAL_SERVER_ERROR).subscribe().with(done -> { }, ignored -> { });
    }
}
