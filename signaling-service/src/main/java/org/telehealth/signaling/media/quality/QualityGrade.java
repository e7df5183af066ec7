package org.telehealth.signaling.media.quality;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.OptionalLong;
import org.telehealth.signaling.protocol.ServerMessage.ParticipantQuality;

/**
 * Turns media-service's stats of a participant (docs/media-control.md, "Participant stats") into the
 * {@code quality} entry pages show:
 *
 * <pre>
 * lossPercent = 100 x fractionLost of their published streams, weighted by each stream's bitrateBps
 *               (the worst stream's when none has a bitrate)
 * rttMs       = roundTripTimeMs (null until media-service can time one)
 * bitrateKbps = sum of their published streams' bitrateBps / 1000
 * level       = unknown  while connected is false
 *               poor     loss >= 8 %, or rtt >= 800 ms, or no RTP/RTCP packet from them since the last poll
 *               good     loss < 2 % and rtt (if known) < 300 ms
 *               fair     otherwise
 * </pre>
 */
public final class QualityGrade {

    static final double GOOD_LOSS_PERCENT = 2;
    static final double POOR_LOSS_PERCENT = 8;
    static final double GOOD_RTT_MS = 300;
    static final double POOR_RTT_MS = 800;

    private QualityGrade() {
    }

    /** Packets received from the participant so far (RTP and RTCP): the next poll compares against it. */
    public static long packets(JsonNode stats) {
        return stats.path("rtpPacketsReceived").asLong() + stats.path("rtcpPacketsReceived").asLong();
    }

    /**
     * The entry for one participant.
     *
     * @param packetsBefore {@link #packets} of the previous poll, empty on the first one
     */
    public static ParticipantQuality grade(String participantId, JsonNode stats, OptionalLong packetsBefore) {
        double weightedLoss = 0;
        double worstLoss = 0;
        long bitrate = 0;
        for (JsonNode stream : stats.path("inbound")) {
            double lost = Math.max(0, Math.min(1, stream.path("fractionLost").asDouble()));
            long bps = Math.max(0, stream.path("bitrateBps").asLong());
            weightedLoss += lost * bps;
            worstLoss = Math.max(worstLoss, lost);
            bitrate += bps;
        }
        double lossPercent = Math.round(1000 * (bitrate > 0 ? weightedLoss / bitrate : worstLoss)) / 10.0;
        JsonNode rtt = stats.path("roundTripTimeMs");
        Double rttMs = rtt.isNumber() ? Math.round(rtt.asDouble() * 10) / 10.0 : null;
        return new ParticipantQuality(participantId, level(stats, lossPercent, rttMs, packetsBefore), lossPercent, rttMs,
                Math.round(bitrate / 1000.0));
    }

    private static String level(JsonNode stats, double lossPercent, Double rttMs, OptionalLong packetsBefore) {
        if (!stats.path("connected").asBoolean(false)) {
            return "unknown";
        }
        boolean silent = packetsBefore.isPresent() && packets(stats) <= packetsBefore.getAsLong();
        if (silent || lossPercent >= POOR_LOSS_PERCENT || (rttMs != null && rttMs >= POOR_RTT_MS)) {
            return "poor";
        }
        if (lossPercent < GOOD_LOSS_PERCENT && (rttMs == null || rttMs < GOOD_RTT_MS)) {
            return "good";
        }
        return "fair";
    }
}
