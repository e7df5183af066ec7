package org.telehealth.media.sdp;

import java.util.OptionalLong;

/**
 * The {@code t=} line. WebRTC sessions are unbounded, always {@code t=0 0} (RFC 8829), but the
 * field is kept as written so that any valid description survives a round trip.
 */
public record Timing(long start, long stop) {

    /** {@code t=0 0}: a session not bounded in time. */
    public static final Timing UNBOUNDED = new Timing(0, 0);

    public Timing {
        if (start < 0 || stop < 0) {
            throw new IllegalArgumentException("start and stop times are unsigned, got " + start + " " + stop);
        }
    }

    static Timing parse(SdpLine line) throws MalformedSdpException {
        String[] fields = line.value().split(" ", -1);
        if (fields.length != 2) {
            throw line.malformed("t= is '<start-time> <stop-time>', got " + line.quoted());
        }
        OptionalLong start = SdpGrammar.unsignedDecimal(fields[0], Long.MAX_VALUE);
        OptionalLong stop = SdpGrammar.unsignedDecimal(fields[1], Long.MAX_VALUE);
        if (start.isEmpty() || stop.isEmpty()) {
            throw line.malformed("start and stop times are decimal numbers, got " + line.quoted());
        }
        return new Timing(start.getAsLong(), stop.getAsLong());
    }

    String sdpValue() {
        return start + " " + stop;
    }
}
