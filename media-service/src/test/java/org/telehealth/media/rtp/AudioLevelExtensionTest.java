package org.telehealth.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AudioLevelExtensionTest {

    /** An Opus packet as a browser sends it: audio level (id 1) and transport-wide seq (id 3). */
    private static final byte[] OPUS = Hex.bytes(
            "90 6f 12 34", // V=2, X | PT=111 | seq
            "00 00 03 c0", // timestamp 960
            "0d 0e 0a 0d", // SSRC
            "be de 00 02", // one-byte extensions, 2 words
            "10 aa 31 00", // id 1, 1 byte: V=1, level 42 | id 3, 2 bytes ...
            "07 00 00 00", // ... seq 7 | padding
            "fc ff fe");   // Opus payload

    @Test
    void shouldReadVoiceActivityAndLevel() throws Exception {
        RtpPacket packet = RtpPacket.parse(OPUS, 0, OPUS.length);

        int raw = new AudioLevelExtension(1).read(packet);

        assertThat(raw).isEqualTo(0xAA);
        assertThat(AudioLevelExtension.voiceActivity(raw)).isTrue();
        assertThat(AudioLevelExtension.level(raw)).isEqualTo(42);
        assertThat(new TransportSequenceNumberExtension(3).read(packet)).isEqualTo(7);
    }

    @Test
    void shouldReadSilenceWithoutVoiceActivity() {
        assertThat(AudioLevelExtension.voiceActivity(0x7F)).isFalse();
        assertThat(AudioLevelExtension.level(0x7F)).isEqualTo(127);
    }

    @Test
    void shouldTellWhenThePacketDoesNotCarryIt() throws Exception {
        RtpPacket packet = RtpPacket.parse(OPUS, 0, OPUS.length);

        assertThat(new AudioLevelExtension(2).read(packet)).isEqualTo(AudioLevelExtension.NOT_PRESENT);
        assertThat(new AudioLevelExtension(3).read(packet)).isEqualTo(AudioLevelExtension.NOT_PRESENT);
    }

    @Test
    void shouldRefuseToDecodeSomethingOtherThanAByte() {
        assertThatThrownBy(() -> AudioLevelExtension.level(AudioLevelExtension.NOT_PRESENT))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
