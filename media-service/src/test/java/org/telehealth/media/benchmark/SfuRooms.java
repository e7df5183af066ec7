package org.telehealth.media.benchmark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Fills the SFU with rooms of synthetic participants the way signaling and browsers do: open the
 * room, add each participant, each publishes and connects; once all of a room are connected, each
 * offers again to receive the others.
 */
final class SfuRooms {

    private static int nextParticipant;

    private SfuRooms() {
    }

    /** Connects rooms {@code prefix-from} up to, not including, {@code prefix-to}. */
    static List<SyntheticParticipant> connect(ControlApiClient control, String prefix, int from, int to, int roomSize,
            int socketBufferBytes) throws IOException, InterruptedException {
        List<SyntheticParticipant> everyone = new ArrayList<>();
        for (int r = from; r < to; r++) {
            String room = prefix + "-" + r;
            control.openRoom(room);
            List<SyntheticParticipant> inRoom = new ArrayList<>();
            for (int p = 0; p < roomSize; p++) {
                inRoom.add(SyntheticParticipant.connect(control, room, "participant-" + p, nextSsrcs(), socketBufferBytes));
            }
            for (SyntheticParticipant participant : inRoom) {
                participant.receiveOthers(control, roomSize - 1);
            }
            everyone.addAll(inRoom);
        }
        return everyone;
    }

    private static synchronized SyntheticOffer.PublishedSsrcs nextSsrcs() {
        long base = 0x2000_0000L + 16L * nextParticipant++;
        return new SyntheticOffer.PublishedSsrcs(base + 1, base + 2, base + 3);
    }
}
