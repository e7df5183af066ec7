package org.telehealth.signaling.cluster;

/** A fact about where a visit's media room is, applied by every instance's media placement. */
public sealed interface PlacementFact extends RoomFact permits MediaRoomProposed, MediaRoomReleased {
}
