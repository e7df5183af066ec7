package org.telehealth.media.room;

import org.telehealth.media.payload.PictureIdField;
import org.telehealth.media.payload.VideoPayloadFormat;

/**
 * Keeps the VP8 and VP9 picture ids and TL0PICIDX one receiver gets of one simulcast track
 * continuous across layer switches. The decoder finds lost frames and each frame's references by
 * them; each layer counts its own, so after a switch the receiver would see them jump and take
 * the new layer's frames for old or missing ones. As for sequence numbers
 * ({@link SequenceNumberRewriter}), each run adds an offset: the first picture of a run (a
 * keyframe) gets the id after the newest one sent, and its TL0PICIDX the index after the newest
 * one sent (a keyframe is in temporal layer 0). H.264 carries neither. Not thread-safe: the
 * {@link LayerSwitcher} that owns it serializes calls.
 *
 * <pre>
 * layer h:  picture id 811 812 | TL0PICIDX 40 40 |
 * layer f:                     |                 | picture id 3000 3001, TL0PICIDX 7 7
 * receiver: picture id 811 812 | TL0PICIDX 40 40 | picture id 813 814,   TL0PICIDX 41 41
 * </pre>
 */
final class PictureIdRewriter {

    static final int NONE = -1;
    private static final int TL0PICIDX_MODULUS = 256;

    private int pictureIdOffset;
    private int tl0PicIdxOffset;
    private int newestPictureId = NONE;
    private int newestTl0PicIdx = NONE;

    /**
     * Starts a run with the first packet of a keyframe, whose payload of {@code length} bytes at
     * {@code offset} is in {@code format}. The first run keeps the layer's values.
     */
    void startRun(byte[] buffer, int offset, int length, VideoPayloadFormat format) {
        int pictureIdIndex = format.pictureIdIndex(buffer, offset, length);
        int tl0PicIdxIndex = format.tl0PicIdxIndex(buffer, offset, length);
        pictureIdOffset = pictureIdIndex == VideoPayloadFormat.NOT_PRESENT || newestPictureId == NONE ? 0
                : Math.floorMod(newestPictureId + 1 - PictureIdField.read(buffer, pictureIdIndex), PictureIdField.MODULUS);
        tl0PicIdxOffset = tl0PicIdxIndex == VideoPayloadFormat.NOT_PRESENT || newestTl0PicIdx == NONE ? 0
                : Math.floorMod(newestTl0PicIdx + 1 - (buffer[tl0PicIdxIndex] & 0xFF), TL0PICIDX_MODULUS);
    }

    /** Notes the values of the newest packet forwarded in the current run, as the receiver gets them. */
    void onNewest(byte[] buffer, int offset, int length, VideoPayloadFormat format) {
        int pictureIdIndex = format.pictureIdIndex(buffer, offset, length);
        if (pictureIdIndex != VideoPayloadFormat.NOT_PRESENT) {
            newestPictureId = (PictureIdField.read(buffer, pictureIdIndex) + pictureIdOffset) % PictureIdField.MODULUS;
        }
        int tl0PicIdxIndex = format.tl0PicIdxIndex(buffer, offset, length);
        if (tl0PicIdxIndex != VideoPayloadFormat.NOT_PRESENT) {
            newestTl0PicIdx = ((buffer[tl0PicIdxIndex] & 0xFF) + tl0PicIdxOffset) % TL0PICIDX_MODULUS;
        }
    }

    int pictureIdOffset() {
        return pictureIdOffset;
    }

    int tl0PicIdxOffset() {
        return tl0PicIdxOffset;
    }

    /** Adds the offsets to the picture id and TL0PICIDX of a payload, in place, if it has them. */
    static void rewrite(byte[] buffer, int offset, int length, VideoPayloadFormat format, int pictureIdOffset,
            int tl0PicIdxOffset) {
        int pictureIdIndex = format.pictureIdIndex(buffer, offset, length);
        if (pictureIdIndex != VideoPayloadFormat.NOT_PRESENT && pictureIdOffset != 0) {
            PictureIdField.write(buffer, pictureIdIndex, PictureIdField.read(buffer, pictureIdIndex) + pictureIdOffset);
        }
        int tl0PicIdxIndex = format.tl0PicIdxIndex(buffer, offset, length);
        if (tl0PicIdxIndex != VideoPayloadFormat.NOT_PRESENT && tl0PicIdxOffset != 0) {
            buffer[tl0PicIdxIndex] = (byte) ((buffer[tl0PicIdxIndex] & 0xFF) + tl0PicIdxOffset);
        }
    }
}
