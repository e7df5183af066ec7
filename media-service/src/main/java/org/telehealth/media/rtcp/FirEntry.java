package org.telehealth.media.rtcp;

/**
 * One keyframe request of a full intra request (RFC 5104 §4.3.1.1): which sender must send a
 * keyframe, and the request's sequence number, which the requester increments for each new
 * request so that a repeated packet is not taken as a second request.
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                       SSRC of the sender                      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |    seq nr     |                 reserved (0)                  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param sequenceNumber 0-255, wrapping
 */
public record FirEntry(long ssrc, int sequenceNumber) {

    static final int LENGTH = 8;

    public FirEntry {
        RtcpHeader.requireUnsigned32(ssrc, "SSRC");
        if (sequenceNumber < 0 || sequenceNumber > 0xFF) {
            throw new IllegalArgumentException("FIR sequence number " + sequenceNumber + " outside 0..255");
        }
    }
}
