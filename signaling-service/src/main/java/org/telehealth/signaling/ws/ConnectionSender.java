package org.telehealth.signaling.ws;

import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import org.telehealth.signaling.protocol.ErrorCode;
import org.telehealth.signaling.protocol.ServerMessage;
import org.telehealth.signaling.protocol.ServerMessageWriter;

/**
 * Writes protocol messages to one socket without blocking the caller (rooms send while holding
 * their lock). Writes are started in call order; a failed write means the socket is going away,
 * which its close callback handles.
 */
final class ConnectionSender {

    private final WebSocketConnection connection;
    private final ServerMessageWriter writer;

    ConnectionSender(WebSocketConnection connection, ServerMessageWriter writer) {
        this.connection = connection;
        this.writer = writer;
    }

    void send(ServerMessage message) {
        if (connection.isOpen()) {
            connection.sendText(writer.write(message)).subscribe().with(done -> { }, failure -> { });
        }
    }

    void error(ErrorCode code, String message) {
        send(new ServerMessage.Error(code.wire(), message));
    }

    /** The error, then the close with the code's close code and its wire code as reason. */
    void fail(ErrorCode code, String message) {
        if (connection.isOpen()) {
            connection.sendText(writer.write(new ServerMessage.Error(code.wire(), message)))
                    .onFailure().recoverWithNull()
                    .chain(() -> connection.close(new CloseReason(code.closeCode(), code.wire())))
                    .subscribe().with(done -> { }, failure -> { });
        }
    }

    void closeNormally() {
        connection.close(CloseReason.NORMAL).subscribe().with(done -> { }, failure -> { });
    }
}
