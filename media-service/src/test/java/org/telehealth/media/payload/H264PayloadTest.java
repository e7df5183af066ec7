package org.telehealth.media.payload;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.telehealth.media.rtp.Hex;

/** H.264 payloads built by hand after RFC 6184 §5.6-5.8, packetization mode 1. */
class H264PayloadTest {

    /** STAP-A (NRI 3) with an SPS (42e01f) and a PPS: how a browser starts a keyframe. */
    static final byte[] SPS_AND_PPS = Hex.bytes("78", "000a 6742e01f8d680501ecf2", "0004 68ce3c80");
    /** FU-A start of an IDR slice. */
    static final byte[] IDR_FIRST_FRAGMENT = Hex.bytes("7c 85", "b8000400");
    /** FU-A middle fragment of the same slice. */
    static final byte[] IDR_MIDDLE_FRAGMENT = Hex.bytes("7c 05", "11223344");
    /** A whole non-IDR slice in one packet. */
    static final byte[] DELTA_SLICE = Hex.bytes("41 9a0203");

    @Test
    void shouldSeeAKeyframeStartInAnAggregateWithTheSps() {
        assertThat(starts(SPS_AND_PPS)).isTrue();
    }

    @Test
    void shouldSeeAKeyframeStartInTheFirstFragmentOfAnIdrSliceOnly() {
        assertThat(starts(IDR_FIRST_FRAGMENT)).isTrue();
        assertThat(starts(IDR_MIDDLE_FRAGMENT)).isFalse();
        assertThat(starts(Hex.bytes("7c 81", "aabb"))).as("first fragment of a non-IDR slice").isFalse();
    }

    @Test
    void shouldSeeAKeyframeStartInASingleSpsOrIdrNalUnit() {
        assertThat(starts(Hex.bytes("67 42e01f"))).isTrue();
        assertThat(starts(Hex.bytes("65 b80004"))).isTrue();
        assertThat(starts(DELTA_SLICE)).isFalse();
        assertThat(starts(Hex.bytes("68 ce3c80"))).as("a PPS alone").isFalse();
    }

    @Test
    void shouldNotTrustAnAggregateWhoseSizesRunPastThePayload() {
        assertThat(starts(Hex.bytes("78", "0004 0601ff80", "0009 6742"))).isFalse();
        assertThat(starts(Hex.bytes("78", "0000 6742"))).isFalse();
        assertThat(starts(Hex.bytes("78", "0004 0601ff80", "0001 65"))).isTrue();
    }

    @Test
    void shouldReadNothingOfAnEmptyOrCutFragment() {
        assertThat(H264Payload.startsKeyframe(IDR_FIRST_FRAGMENT, 0, 0)).isFalse();
        assertThat(H264Payload.startsKeyframe(IDR_FIRST_FRAGMENT, 0, 1)).isFalse();
    }

    private static boolean starts(byte[] payload) {
        return H264Payload.startsKeyframe(payload, 0, payload.length);
    }
}
