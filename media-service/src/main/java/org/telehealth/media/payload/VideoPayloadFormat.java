package org.telehealth.media.payload;

import java.util.Locale;

/**
 * The payload format of a video codec the SFU forwards, chosen by the codec's SDP encoding name,
 * with what a layer switch needs of it: where keyframes start, and where the picture id and
 * TL0PICIDX to renumber are (H.264 has neither). Formats the SFU does not know never start a
 * keyframe, so a simulcast receiver is never switched onto them.
 */
public enum VideoPayloadFormat {

    VP8 {
        @Override
        public boolean startsKeyframe(byte[] buffer, int offset, int length) {
            return Vp8PayloadDescriptor.startsKeyframe(buffer, offset, length);
        }

        @Override
        public int pictureIdIndex(byte[] buffer, int offset, int length) {
            return Vp8PayloadDescriptor.pictureIdIndex(buffer, offset, length);
        }

        @Override
        public int tl0PicIdxIndex(byte[] buffer, int offset, int length) {
            return Vp8PayloadDescriptor.tl0PicIdxIndex(buffer, offset, length);
        }
    },
    VP9 {
        @Override
        public boolean startsKeyframe(byte[] buffer, int offset, int length) {
            return Vp9PayloadDescriptor.startsKeyframe(buffer, offset, length);
        }

        @Override
        public int pictureIdIndex(byte[] buffer, int offset, int length) {
            return Vp9PayloadDescriptor.pictureIdIndex(buffer, offset, length);
        }

        @Override
        public int tl0PicIdxIndex(byte[] buffer, int offset, int length) {
            return Vp9PayloadDescriptor.tl0PicIdxIndex(buffer, offset, length);
        }
    },
    H264 {
        @Override
        public boolean startsKeyframe(byte[] buffer, int offset, int length) {
            return H264Payload.startsKeyframe(buffer, offset, length);
        }
    },
    UNKNOWN;

    /** What {@link #pictureIdIndex} and {@link #tl0PicIdxIndex} return when the payload has no such field. */
    public static final int NOT_PRESENT = -1;

    /** The format of the codec of this SDP encoding name ({@code a=rtpmap}), {@link #UNKNOWN} for any other. */
    public static VideoPayloadFormat of(String encodingName) {
        return switch (encodingName.toUpperCase(Locale.ROOT)) {
            case "VP8" -> VP8;
            case "VP9" -> VP9;
            case "H264" -> H264;
            default -> UNKNOWN;
        };
    }

    /** Whether the payload of {@code length} bytes from {@code offset} is the first packet of a keyframe. */
    public boolean startsKeyframe(byte[] buffer, int offset, int length) {
        return false;
    }

    /** The buffer index of the payload's picture id ({@link PictureIdField}), or {@link #NOT_PRESENT}. */
    public int pictureIdIndex(byte[] buffer, int offset, int length) {
        return NOT_PRESENT;
    }

    /** The buffer index of the payload's TL0PICIDX byte, or {@link #NOT_PRESENT}. */
    public int tl0PicIdxIndex(byte[] buffer, int offset, int length) {
        return NOT_PRESENT;
    }
}
