package org.telehealth.media.payload;

/**
 * The H.264 RTP payload (RFC 6184, packetization mode 1) read far enough to see whether a packet
 * starts a keyframe: one that carries a sequence parameter set (NAL unit type 7) or the start of an
 * IDR slice (type 5), on its own, inside a STAP-A aggregate, or as the first FU-A fragment.
 * Browsers send a keyframe's SPS and PPS ahead of its IDR slices, so the first packet of a keyframe
 * is the one with the SPS; a packet starting an IDR slice without one is a keyframe start too.
 *
 * <pre>
 * NAL unit header, and FU header of FU-A:
 *  0 1 2 3 4 5 6 7
 * +-+-+-+-+-+-+-+-+
 * |F|NRI|  Type   |    1-23: one NAL unit; 24: STAP-A; 28: FU-A
 * +-+-+-+-+-+-+-+-+
 * |S|E|R|  Type   |    FU-A only: S = first fragment, Type of the fragmented NAL unit
 * +-+-+-+-+-+-+-+-+
 *
 * STAP-A: | NAL header (24) | size (16) | NAL unit | size (16) | NAL unit | ...
 * </pre>
 */
public final class H264Payload {

    static final int IDR_SLICE = 5;
    static final int SEQUENCE_PARAMETER_SET = 7;
    static final int STAP_A = 24;
    static final int FU_A = 28;

    private static final int TYPE = 0x1F;
    private static final int FU_START = 0x80;
    private static final int NAL_SIZE_LENGTH = 2;

    private H264Payload() {
    }

    /** Whether the payload starts a keyframe (see the class comment). */
    public static boolean startsKeyframe(byte[] buffer, int offset, int length) {
        if (length < 1) {
            return false;
        }
        int type = buffer[offset] & TYPE;
        if (type == STAP_A) {
            return aggregatesKeyframeStart(buffer, offset + 1, offset + length);
        }
        if (type == FU_A) {
            return length >= 2 && (buffer[offset + 1] & FU_START) != 0 && startsKeyframe(buffer[offset + 1] & TYPE);
        }
        return startsKeyframe(type);
    }

    private static boolean aggregatesKeyframeStart(byte[] buffer, int index, int end) {
        while (index + NAL_SIZE_LENGTH < end) {
            int size = (buffer[index] & 0xFF) << 8 | buffer[index + 1] & 0xFF;
            int unit = index + NAL_SIZE_LENGTH;
            if (size == 0 || unit + size > end) {
                return false;
            }
            if (startsKeyframe(buffer[unit] & TYPE)) {
                return true;
            }
            index = unit + size;
        }
        return false;
    }

    private static boolean startsKeyframe(int nalUnitType) {
        return nalUnitType == SEQUENCE_PARAMETER_SET || nalUnitType == IDR_SLICE;
    }
}
