package org.telehealth.recording.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 7587 §4.2: one Opus packet per RTP payload, on the 48 kHz clock. */
class OpusDepacketizerTest {

    @Test
    void shouldTakeEachPayloadAsOneOpusPacketKeepingItsTocByte() {
        List<EncodedFrame> frames = new ArrayList<>();
        OpusDepacketizer depacketizer = new OpusDepacketizer();
        byte[] twentyMsSilkWideband = {(byte) 0x4B, 0x41, 0x02}; // TOC: config 9 (SILK WB 20 ms), mono, one frame
        byte[] packet = TestPackets.rtp(111, true, 7, 48_000 * 3, 1, twentyMsSilkWideband);

        depacketizer.push(RtpPacket.parse(packet, 0, packet.length), true, frames::add);
        byte[] empty = TestPackets.rtp(111, false, 8, 48_000 * 3 + 960, 1, new byte[0]);
        depacketizer.push(RtpPacket.parse(empty, 0, empty.length), false, frames::add);

        assertThat(frames).singleElement().satisfies(frame -> {
            assertThat(frame.data()).isEqualTo(twentyMsSilkWideband);
            assertThat(frame.rtpTimestamp()).isEqualTo(144_000);
            assertThat(frame.keyframe()).isTrue();
        });
        assertThat(depacketizer.codecId()).isEqualTo("A_OPUS");
    }

    @Test
    void shouldSkipPaddingAndHeaderExtensionsOfThePacket() {
        byte[] packet = {(byte) 0xB0, 111, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, // V=2 P X
            (byte) 0xBE, (byte) 0xDE, 0, 1, 0x10, (byte) 0xFF, 0, 0, // one-byte extension, one word
            0x4B, 0x41, 0, 0, 3}; // payload 0x4B 0x41, padding of 3
        List<EncodedFrame> frames = new ArrayList<>();

        new OpusDepacketizer().push(RtpPacket.parse(packet, 0, packet.length), false, frames::add);

        assertThat(frames).singleElement().extracting(EncodedFrame::data).isEqualTo(new byte[] {0x4B, 0x41});
    }
}
