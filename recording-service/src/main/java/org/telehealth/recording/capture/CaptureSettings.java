package org.telehealth.recording.capture;

import java.time.Duration;

/**
 * How a capture trades delay for completeness.
 *
 * @param jitterCapacity packets a track's jitter buffer holds behind a missing one before giving it up
 * @param jitterDelay how long a missing packet is waited for (the fork's link is local: reordering is short)
 * @param interleaveDelay how long a frame waits for other tracks' earlier frames before it is written;
 *        longer than the jitter delay plus a frame's packets
 * @param maxPendingPackets packets of an SSRC not yet described kept until its description comes
 *        (the fork describes a track before its first packet and every second: a lost description costs a second)
 */
public record CaptureSettings(int jitterCapacity, Duration jitterDelay, Duration interleaveDelay, int maxPendingPackets) {

    public static final CaptureSettings DEFAULTS = new CaptureSettings(512, Duration.ofMillis(300), Duration.ofMillis(1000), 1000);

    public CaptureSettings {
        if (jitterCapacity < 1 || maxPendingPackets < 0 || jitterDelay.isNegative() || interleaveDelay.compareTo(jitterDelay) < 0) {
            throw new IllegalArgumentException("capacities are positive and the interleave delay is at least the jitter delay");
        }
    }
}
