package org.telehealth.signaling.cluster;

import java.util.UUID;
import org.telehealth.events.EventType;

/**
 * The origin instance proposes to place the visit's media room on this media-service instance. The
 * first proposal in the partition since the last release wins, on every instance alike.
 */
@EventType(name = "signaling.media-room-proposed", version = 1)
public record MediaRoomProposed(UUID visitId, String origin, long seq, String mediaInstanceId, String controlUrl)
        implements PlacementFact {

    public MediaRoomProposed {
        RoomFact.check(visitId, origin, seq);
        if (mediaInstanceId == null || mediaInstanceId.isBlank() || controlUrl == null || controlUrl.isBlank()) {
            throw new IllegalArgumentException("mediaInstanceId and controlUrl are required");
        }
    }

    /** The placement's id: its origin and number. */
    public String placementId() {
        return origin + "/" + seq;
    }
}
