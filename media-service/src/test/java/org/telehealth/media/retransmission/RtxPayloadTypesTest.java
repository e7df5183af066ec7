package org.telehealth.media.retransmission;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.telehealth.media.sdp.Codec;

class RtxPayloadTypesTest {

    static Codec video(int payloadType, String name) {
        return new Codec(payloadType, name, 90_000, 1, Map.of(), List.of());
    }

    static Codec rtx(int payloadType, int apt) {
        return new Codec(payloadType, "rtx", 90_000, 1, Map.of("apt", Integer.toString(apt)), List.of());
    }

    @Test
    void shouldBindEachRtxPayloadTypeToItsOriginalBothWays() {
        RtxPayloadTypes types = RtxPayloadTypes.of(List.of(video(96, "VP8"), rtx(97, 96), video(98, "VP9"), rtx(99, 98)));

        assertThat(types.rtxFor(96)).isEqualTo(97);
        assertThat(types.rtxFor(98)).isEqualTo(99);
        assertThat(types.originalFor(97)).isEqualTo(96);
        assertThat(types.originalFor(99)).isEqualTo(98);
    }

    @Test
    void shouldBindNothingToCodecsWithoutRtx() {
        RtxPayloadTypes types = RtxPayloadTypes.of(List.of(video(96, "VP8"), rtx(97, 96), video(102, "H264")));

        assertThat(types.rtxFor(102)).isEqualTo(RtxPayloadTypes.NONE);
        assertThat(types.originalFor(96)).isEqualTo(RtxPayloadTypes.NONE);
        assertThat(RtxPayloadTypes.NONE_NEGOTIATED.rtxFor(96)).isEqualTo(RtxPayloadTypes.NONE);
    }

    @Test
    void shouldPreferTheFirstRtxCodecListedForAnOriginal() {
        RtxPayloadTypes types = RtxPayloadTypes.of(List.of(video(96, "VP8"), rtx(97, 96), rtx(120, 96)));

        assertThat(types.rtxFor(96)).isEqualTo(97);
        assertThat(types.originalFor(120)).isEqualTo(RtxPayloadTypes.NONE);
    }

    @Test
    void shouldIgnoreAnRtxCodecWithoutAValidApt() {
        Codec broken = new Codec(97, "rtx", 90_000, 1, Map.of("apt", "x"), List.of());

        assertThat(RtxPayloadTypes.of(List.of(video(96, "VP8"), broken)).originalFor(97)).isEqualTo(RtxPayloadTypes.NONE);
    }
}
