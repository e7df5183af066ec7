package org.telehealth.media.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetSocketAddress;
import org.telehealth.media.room.Forwarder;
import org.telehealth.media.room.RecordingDescription;
import org.telehealth.media.room.RecordingFork;
import org.telehealth.media.room.Room;
import org.telehealth.media.room.RoomRegistry;
import org.telehealth.media.room.UdpForkOutput;

/**
 * Starts, describes and stops the recording fork of a room, for the control API: the recorder's
 * address is checked against the allowed networks first ({@link RecordingTargets}).
 */
@ApplicationScoped
public class RecordingService {

    private final RoomRegistry rooms;
    private final Forwarder forwarder;
    private final RecordingTargets targets;
    private final int socketBufferBytes;

    public RecordingService(RoomRegistry rooms, Forwarder forwarder, RecordingConfig config) {
        this.rooms = rooms;
        this.forwarder = forwarder;
        this.targets = new RecordingTargets(config.allowedTargets());
        this.socketBufferBytes = config.socketBufferBytes();
    }

    /**
     * Forks {@code roomId}'s media to {@code host}:{@code port}; idempotent for the same address.
     *
     * @throws ControlException 400/403 for a bad or forbidden address, 404 for an unknown room, 409
     *         if the room is being recorded to another address
     */
    public RecordingDescription start(String roomId, String host, Integer port) {
        InetSocketAddress target = targets.resolve(host, port);
        Room room = room(roomId);
        RecordingFork fork = forwarder.startRecording(room, host, target,
                address -> UdpForkOutput.connect(address, socketBufferBytes));
        return fork.describe();
    }

    /** @throws ControlException 404 if the room does not exist or is not being recorded */
    public RecordingDescription describe(String roomId) {
        RecordingFork fork = room(roomId).recording();
        if (fork == null) {
            throw ControlException.notFound("room " + roomId + " is not being recorded");
        }
        return fork.describe();
    }

    /** Stops recording the room, if it exists and is recorded. */
    public void stop(String roomId) {
        rooms.room(roomId).ifPresent(forwarder::stopRecording);
    }

    private Room room(String roomId) {
        return rooms.room(roomId).orElseThrow(() -> ControlException.notFound("no room " + roomId));
    }
}
