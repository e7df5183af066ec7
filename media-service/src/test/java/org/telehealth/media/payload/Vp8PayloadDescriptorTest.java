package org.telehealth.media.payload;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.telehealth.media.rtp.Hex;

/** VP8 payloads built by hand after RFC 7741 §4.2-4.3 and RFC 6386 §9.1, as Chrome sends them. */
class Vp8PayloadDescriptorTest {

    /**
     * The first packet of a 1280x720 keyframe: X, S, PID 0; I (15-bit picture id 0x1234), L
     * (TL0PICIDX 5), T (TID 0, Y); then the frame tag (P = 0, show frame, first partition 100
     * bytes), the start code and the dimensions.
     */
    static final byte[] KEYFRAME_START = Hex.bytes("90 e0 9234 05 20", "900c00 9d012a 0005 d002", "00112233");
    /** A later packet of the same keyframe: S clear. */
    static final byte[] KEYFRAME_CONTINUATION = Hex.bytes("80 e0 9234 05 20", "445566778899");
    /** The first packet of a delta frame: the frame tag's P bit set; 7-bit picture id 0x35, TL0PICIDX 6. */
    static final byte[] DELTA_FRAME_START = Hex.bytes("90 e0 35 06 40", "b10400 aabbcc");
    /** No extension byte at all: S, PID 0, a keyframe. */
    static final byte[] MINIMAL_KEYFRAME = Hex.bytes("10", "900c00 9d012a 4001 f000");

    @Test
    void shouldSeeTheStartOfAKeyframeInItsFirstPacketOnly() {
        assertThat(starts(KEYFRAME_START)).isTrue();
        assertThat(starts(MINIMAL_KEYFRAME)).isTrue();
        assertThat(starts(KEYFRAME_CONTINUATION)).isFalse();
        assertThat(starts(DELTA_FRAME_START)).isFalse();
    }

    @Test
    void shouldNotTakeAPartitionOtherThanTheFirstOrAMissingStartCodeForAKeyframe() {
        byte[] secondPartition = KEYFRAME_START.clone();
        secondPartition[0] = (byte) 0x91;
        byte[] noStartCode = KEYFRAME_START.clone();
        noStartCode[9] = 0;

        assertThat(starts(secondPartition)).isFalse();
        assertThat(starts(noStartCode)).isFalse();
    }

    @Test
    void shouldFindThePictureIdAndTl0PicIdxAfterTheExtensionByte() {
        assertThat(Vp8PayloadDescriptor.pictureIdIndex(KEYFRAME_START, 0, KEYFRAME_START.length)).isEqualTo(2);
        assertThat(PictureIdField.read(KEYFRAME_START, 2)).isEqualTo(0x1234);
        assertThat(Vp8PayloadDescriptor.tl0PicIdxIndex(KEYFRAME_START, 0, KEYFRAME_START.length)).isEqualTo(4);
        assertThat(PictureIdField.read(DELTA_FRAME_START, 2)).isEqualTo(0x35);
        assertThat(Vp8PayloadDescriptor.tl0PicIdxIndex(DELTA_FRAME_START, 0, DELTA_FRAME_START.length)).isEqualTo(3);
    }

    @Test
    void shouldSayWhenThereIsNoPictureIdOrTl0PicIdx() {
        byte[] pictureIdOnly = Hex.bytes("90 80 9234", "900c00 9d012a 0005 d002");

        assertThat(Vp8PayloadDescriptor.pictureIdIndex(MINIMAL_KEYFRAME, 0, MINIMAL_KEYFRAME.length))
                .isEqualTo(Vp8PayloadDescriptor.NOT_PRESENT);
        assertThat(Vp8PayloadDescriptor.tl0PicIdxIndex(pictureIdOnly, 0, pictureIdOnly.length))
                .isEqualTo(Vp8PayloadDescriptor.NOT_PRESENT);
    }

    @Test
    void shouldReadNothingPastTheEndOfATruncatedPayload() {
        for (int length = 0; length < 6; length++) {
            assertThat(starts(KEYFRAME_START, length)).isFalse();
        }
        assertThat(Vp8PayloadDescriptor.pictureIdIndex(KEYFRAME_START, 0, 3)).isEqualTo(Vp8PayloadDescriptor.NOT_PRESENT);
        assertThat(Vp8PayloadDescriptor.tl0PicIdxIndex(KEYFRAME_START, 0, 4)).isEqualTo(Vp8PayloadDescriptor.NOT_PRESENT);
    }

    @Test
    void shouldReadThePayloadWhereverItSitsInTheBuffer() {
        byte[] packet = new byte[20 + KEYFRAME_START.length];
        System.arraycopy(KEYFRAME_START, 0, packet, 20, KEYFRAME_START.length);

        assertThat(Vp8PayloadDescriptor.startsKeyframe(packet, 20, KEYFRAME_START.length)).isTrue();
        assertThat(Vp8PayloadDescriptor.pictureIdIndex(packet, 20, KEYFRAME_START.length)).isEqualTo(22);
    }

    @Test
    void shouldRewriteAPictureIdKeepingTheWidthOfItsField() {
        byte[] fifteenBits = KEYFRAME_START.clone();
        byte[] sevenBits = DELTA_FRAME_START.clone();

        PictureIdField.write(fifteenBits, 2, 0x7FFF);
        PictureIdField.write(sevenBits, 2, 0x1FF);

        assertThat(Hex.of(fifteenBits).substring(4, 8)).isEqualTo("ffff");
        assertThat(PictureIdField.read(fifteenBits, 2)).isEqualTo(0x7FFF);
        assertThat(PictureIdField.read(sevenBits, 2)).isEqualTo(0x7F);
        assertThat(sevenBits[3]).as("the byte after a 7-bit id is untouched").isEqualTo((byte) 0x06);
    }

    private static boolean starts(byte[] payload) {
        return starts(payload, payload.length);
    }

    private static boolean starts(byte[] payload, int length) {
        return Vp8PayloadDescriptor.startsKeyframe(payload, 0, length);
    }
}
