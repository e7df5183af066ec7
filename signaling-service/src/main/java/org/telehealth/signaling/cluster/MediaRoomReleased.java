package org.telehealth.signaling.cluster;

import java.util.UUID;
import org.telehealth.events.EventType;

/** The visit's media room of this placement is closed or could not be opened: the next offer places it anew. */
@EventType(name = "signaling.media-room-released", version = 1)
public record MediaRoomReleased(UUID visitId, String origin, long seq, String placementId) implements PlacementFact {

    public MediaRoomReleased {
        RoomFact.check(visitId, origin, seq);
        if (placementId == null || placementId.isBlank()) {
            throw new IllegalArgumentException("placementId is required");
        }
    }
}
