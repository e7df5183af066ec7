package org.telehealth.media.room;

import java.util.Arrays;
import java.util.List;
import java.util.function.LongPredicate;
import org.telehealth.media.rtcp.SenderReport;

/**
 * Which SSRCs carry the layers of one simulcast track a participant publishes. Browsers announce
 * simulcast by rid only ({@code a=rid:<id> send}, {@code a=simulcast:send q;h;f}), without SSRCs:
 * each layer's packets name their rid in the rtp-stream-id header extension, and its RTX packets
 * the rid they repair in repaired-rtp-stream-id (RFC 8852), on the first packets of each SSRC
 * until the browser hears back about it. The SFU learns the SSRCs from those packets.
 *
 * <p>What a participant can make the SFU learn is bounded: a media and an RTX SSRC per rid of the
 * track (at most three each, the layers the answer accepted), each learned once, never an SSRC the
 * participant already uses for anything else; a rid the track does not have teaches nothing. Only
 * the participant's own authenticated packets reach it, so nobody else can claim its layers. It
 * also keeps each layer's latest sender report, which a {@link LayerSwitcher} needs to keep a
 * receiver's clock steady across a switch. Kept
 * by the publishing {@link Participant} for as long as the track keeps its mid and rids, across
 * renegotiations. Written by the media thread, read from anywhere.
 */
final class SimulcastLayers {

    private final String mid;
    private final List<String> rids;
    private final long[] mediaSsrcs;
    private final long[] rtxSsrcs;
    private final SenderReport[] senderReports;

    SimulcastLayers(String mid, List<String> rids) {
        if (rids.isEmpty()) {
            throw new IllegalArgumentException("a simulcast track has at least one rid");
        }
        this.mid = mid;
        this.rids = List.copyOf(rids);
        this.mediaSsrcs = new long[rids.size()];
        this.rtxSsrcs = new long[rids.size()];
        this.senderReports = new SenderReport[rids.size()];
        Arrays.fill(mediaSsrcs, PublishedStream.NO_SSRC);
        Arrays.fill(rtxSsrcs, PublishedStream.NO_SSRC);
    }

    String mid() {
        return mid;
    }

    List<String> rids() {
        return rids;
    }

    /** Whether these are the layers of a track sent from section {@code trackMid} with these rids. */
    boolean describes(String trackMid, List<String> trackRids) {
        return mid.equals(trackMid) && rids.equals(trackRids);
    }

    /**
     * Learns that {@code ssrc} carries the layer {@code rid} (its RTX if {@code repaired}), unless the
     * track has no such rid, that slot is already learned, or {@code inUse} says the participant
     * already sends something on the SSRC.
     *
     * @return whether it was learned
     */
    synchronized boolean learn(long ssrc, String rid, boolean repaired, LongPredicate inUse) {
        int layer = rids.indexOf(rid);
        long[] slots = repaired ? rtxSsrcs : mediaSsrcs;
        if (layer < 0 || slots[layer] != PublishedStream.NO_SSRC || inUse.test(ssrc)) {
            return false;
        }
        slots[layer] = ssrc;
        return true;
    }

    /** Whether some SSRC of these layers, media or RTX, is {@code ssrc}. */
    synchronized boolean uses(long ssrc) {
        for (int layer = 0; layer < rids.size(); layer++) {
            if (mediaSsrcs[layer] == ssrc || rtxSsrcs[layer] == ssrc) {
                return true;
            }
        }
        return false;
    }

    /** The media SSRC of layer {@code layer}, or {@link PublishedStream#NO_SSRC} until learned. */
    synchronized long mediaSsrc(int layer) {
        return mediaSsrcs[layer];
    }

    /** The RTX SSRC of layer {@code layer}, or {@link PublishedStream#NO_SSRC} until learned. */
    synchronized long rtxSsrc(int layer) {
        return rtxSsrcs[layer];
    }

    /** Notes the publisher's sender report of layer {@code layer}. */
    synchronized void onSenderReport(int layer, SenderReport report) {
        senderReports[layer] = report;
    }

    /** The publisher's latest sender report of layer {@code layer}, or null. */
    synchronized SenderReport latestSenderReport(int layer) {
        return layer >= 0 && layer < senderReports.length ? senderReports[layer] : null;
    }
}
