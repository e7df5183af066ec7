package org.telehealth.recording.capture;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the RTCP the recording fork sends: sender reports (the NTP/RTP pairs that put tracks on one
 * timeline), BYE (a track ended) and the APP packets named {@code TRCK} that describe a track.
 * Everything else is skipped, as RFC 3550 asks; a malformed compound packet yields what was read
 * before the fault.
 *
 * <pre>
 * SR:  |V=2|P|  RC  | PT=200 | length | SSRC | NTP seconds | NTP fraction | RTP timestamp | ...
 * BYE: |V=2|P|  SC  | PT=203 | length | SSRC x SC | ...
 * APP: |V=2|P| sub  | PT=204 | length | SSRC | "TRCK" | JSON, space-padded to 32 bits |
 * </pre>
 */
public final class RtcpMessages {

    /** What one RTCP packet told. */
    public sealed interface Message permits SenderReport, Goodbye, Description {
    }

    /**
     * @param ntpTimestamp 64-bit NTP time: seconds since 1900 in the high 32 bits, fraction in the low
     * @param rtpTimestamp the same instant on the track's RTP clock
     */
    public record SenderReport(long ssrc, long ntpTimestamp, long rtpTimestamp) implements Message {
    }

    public record Goodbye(List<Long> ssrcs) implements Message {
    }

    /** A track description; {@code json} is checked by {@link TrackDescription#parse}. */
    public record Description(long ssrc, String json) implements Message {
    }

    private static final int SENDER_REPORT = 200;
    private static final int GOODBYE = 203;
    private static final int APPLICATION_DEFINED = 204;
    private static final String DESCRIPTION_NAME = "TRCK";

    private RtcpMessages() {
    }

    /** Whether a datagram of the fork is RTCP rather than RTP (RFC 5761 §4: packet types 192..223). */
    public static boolean isRtcp(byte[] buffer, int offset, int length) {
        int type = length >= 2 ? buffer[offset + 1] & 0xFF : 0;
        return type >= 192 && type <= 223;
    }

    public static List<Message> read(byte[] buffer, int offset, int length) {
        List<Message> messages = new ArrayList<>();
        int position = offset;
        int end = offset + length;
        while (position + 4 <= end && (buffer[position] & 0xC0) == 0x80) {
            int count = buffer[position] & 0x1F;
            int type = buffer[position + 1] & 0xFF;
            int packetLength = 4 * (RtpPacket.uint16(buffer, position + 2) + 1);
            if (position + packetLength > end) {
                break;
            }
            if (type == SENDER_REPORT && packetLength >= 28) {
                messages.add(new SenderReport(RtpPacket.uint32(buffer, position + 4),
                        RtpPacket.uint32(buffer, position + 8) << 32 | RtpPacket.uint32(buffer, position + 12),
                        RtpPacket.uint32(buffer, position + 16)));
            } else if (type == GOODBYE && packetLength >= 4 + 4 * count) {
                List<Long> ssrcs = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    ssrcs.add(RtpPacket.uint32(buffer, position + 4 + 4 * i));
                }
                messages.add(new Goodbye(ssrcs));
            } else if (type == APPLICATION_DEFINED && packetLength >= 12
                    && new String(buffer, position + 8, 4, StandardCharsets.US_ASCII).equals(DESCRIPTION_NAME)) {
                messages.add(new Description(RtpPacket.uint32(buffer, position + 4),
                        new String(buffer, position + 12, packetLength - 12, StandardCharsets.UTF_8).strip()));
            }
            position += packetLength;
        }
        return messages;
    }
}
