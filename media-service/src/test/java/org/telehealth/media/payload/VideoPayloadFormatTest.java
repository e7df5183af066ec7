package org.telehealth.media.payload;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VideoPayloadFormatTest {

    @Test
    void shouldPickTheFormatByEncodingNameWhateverItsCase() {
        assertThat(VideoPayloadFormat.of("VP8")).isEqualTo(VideoPayloadFormat.VP8);
        assertThat(VideoPayloadFormat.of("vp9")).isEqualTo(VideoPayloadFormat.VP9);
        assertThat(VideoPayloadFormat.of("H264")).isEqualTo(VideoPayloadFormat.H264);
        assertThat(VideoPayloadFormat.of("AV1")).isEqualTo(VideoPayloadFormat.UNKNOWN);
    }

    @Test
    void shouldLeaveH264AndUnknownFormatsWithoutPictureIds() {
        byte[] sps = H264PayloadTest.SPS_AND_PPS;

        assertThat(VideoPayloadFormat.H264.startsKeyframe(sps, 0, sps.length)).isTrue();
        assertThat(VideoPayloadFormat.H264.pictureIdIndex(sps, 0, sps.length)).isEqualTo(VideoPayloadFormat.NOT_PRESENT);
        assertThat(VideoPayloadFormat.UNKNOWN.startsKeyframe(sps, 0, sps.length)).isFalse();
    }

    @Test
    void shouldDelegateToTheVp8AndVp9Descriptors() {
        byte[] vp8 = Vp8PayloadDescriptorTest.KEYFRAME_START;
        byte[] vp9 = Vp9PayloadDescriptorTest.KEYFRAME_START;

        assertThat(VideoPayloadFormat.VP8.startsKeyframe(vp8, 0, vp8.length)).isTrue();
        assertThat(VideoPayloadFormat.VP8.tl0PicIdxIndex(vp8, 0, vp8.length)).isEqualTo(4);
        assertThat(VideoPayloadFormat.VP9.startsKeyframe(vp9, 0, vp9.length)).isTrue();
        assertThat(VideoPayloadFormat.VP9.pictureIdIndex(vp9, 0, vp9.length)).isEqualTo(1);
    }
}
