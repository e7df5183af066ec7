package org.telehealth.media.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProbePayloadTest {

    @Test
    void shouldReadBackTheSendTimeAndStepTagItWrote() {
        byte[] packet = new byte[64];

        ProbePayload.write(packet, 20, 7, -123_456_789_012L, 0xFFFF_FFFE);

        assertThat(ProbePayload.sendNanos(packet, 20)).isEqualTo(-123_456_789_012L);
        assertThat(ProbePayload.stepTag(packet, 20)).isEqualTo(0xFFFF_FFFE);
    }
}
