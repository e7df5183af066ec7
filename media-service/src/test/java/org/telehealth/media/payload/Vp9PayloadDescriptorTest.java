package org.telehealth.media.payload;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.telehealth.media.rtp.Hex;

/** VP9 payloads built by hand after RFC 9628 §4.2. */
class Vp9PayloadDescriptorTest {

    /** I, L, B, V (non-flexible): picture id 0x0100 (15 bits), TID 0 SID 0, TL0PICIDX 7, then the scalability structure. */
    static final byte[] KEYFRAME_START = Hex.bytes("aa 8100 00 07", "18 0500 02d0 01 04", "aabbcc");
    /** The next picture: P set, B set, TID 1, TL0PICIDX 7. */
    static final byte[] DELTA_FRAME_START = Hex.bytes("e8 8101 20 07", "ddeeff");
    /** A packet inside the keyframe: B clear. */
    static final byte[] KEYFRAME_CONTINUATION = Hex.bytes("a0 8100 00 07", "112233");

    @Test
    void shouldSeeTheStartOfAKeyframeOfTheBaseSpatialLayerOnly() {
        byte[] upperSpatialLayer = Hex.bytes("a8 8100 02 07", "112233");
        byte[] withoutLayerIndices = Hex.bytes("88 8100", "112233");

        assertThat(starts(KEYFRAME_START)).isTrue();
        assertThat(starts(withoutLayerIndices)).isTrue();
        assertThat(starts(KEYFRAME_CONTINUATION)).isFalse();
        assertThat(starts(DELTA_FRAME_START)).isFalse();
        assertThat(starts(upperSpatialLayer)).isFalse();
    }

    @Test
    void shouldFindThePictureIdAndTheTl0PicIdxOfNonFlexibleMode() {
        assertThat(Vp9PayloadDescriptor.pictureIdIndex(KEYFRAME_START, 0, KEYFRAME_START.length)).isEqualTo(1);
        assertThat(PictureIdField.read(KEYFRAME_START, 1)).isEqualTo(0x0100);
        assertThat(Vp9PayloadDescriptor.tl0PicIdxIndex(KEYFRAME_START, 0, KEYFRAME_START.length)).isEqualTo(4);
        assertThat(KEYFRAME_START[4]).isEqualTo((byte) 7);
    }

    @Test
    void shouldFindNoTl0PicIdxInFlexibleModeNorWithoutLayerIndices() {
        byte[] flexible = Hex.bytes("ba 8100 00", "112233");
        byte[] noLayers = Hex.bytes("88 8100", "112233");

        assertThat(Vp9PayloadDescriptor.tl0PicIdxIndex(flexible, 0, flexible.length)).isEqualTo(Vp9PayloadDescriptor.NOT_PRESENT);
        assertThat(Vp9PayloadDescriptor.tl0PicIdxIndex(noLayers, 0, noLayers.length)).isEqualTo(Vp9PayloadDescriptor.NOT_PRESENT);
    }

    @Test
    void shouldReadNothingPastTheEndOfATruncatedPayload() {
        assertThat(Vp9PayloadDescriptor.startsKeyframe(KEYFRAME_START, 0, 0)).isFalse();
        assertThat(Vp9PayloadDescriptor.startsKeyframe(KEYFRAME_START, 0, 3)).isFalse();
        assertThat(Vp9PayloadDescriptor.pictureIdIndex(KEYFRAME_START, 0, 2)).isEqualTo(Vp9PayloadDescriptor.NOT_PRESENT);
        assertThat(Vp9PayloadDescriptor.tl0PicIdxIndex(KEYFRAME_START, 0, 4)).isEqualTo(Vp9PayloadDescriptor.NOT_PRESENT);
    }

    private static boolean starts(byte[] payload) {
        return Vp9PayloadDescriptor.startsKeyframe(payload, 0, payload.length);
    }
}
