package org.telehealth.recording.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** VP9 payload descriptors of RFC 9628 §4.2, reassembled into the frames of spatial layer 0. */
class Vp9DepacketizerTest {

    private final Vp9Depacketizer depacketizer = new Vp9Depacketizer();
    private final List<EncodedFrame> frames = new ArrayList<>();

    private void push(byte[] payload, boolean marker, long timestamp, boolean afterLoss) {
        byte[] packet = TestPackets.rtp(98, marker, 1, timestamp, 1, payload);
        depacketizer.push(RtpPacket.parse(packet, 0, packet.length), afterLoss, frames::add);
    }

    @Test
    void shouldReassembleAKeyframeFromBToEAndTakeItsSizeFromTheScalabilityStructure() {
        List<byte[]> payloads = TestPackets.vp9Payloads(300, new byte[2500], true, 1280, 720);
        for (int i = 0; i < payloads.size(); i++) {
            push(payloads.get(i), i == payloads.size() - 1, 9000, false);
        }

        assertThat(frames).singleElement().satisfies(frame -> {
            assertThat(frame.data()).hasSize(2500);
            assertThat(frame.keyframe()).isTrue();
            assertThat(frame.width()).isEqualTo(1280);
            assertThat(frame.height()).isEqualTo(720);
        });
    }

    @Test
    void shouldTakeAnInterFrameAsNoKeyframeAndDropOneThatLostAPacket() {
        List<byte[]> payloads = TestPackets.vp9Payloads(301, new byte[1500], false, 0, 0);
        push(payloads.get(0), false, 12_000, false);
        push(payloads.get(1), true, 12_000, true);
        for (int i = 0; i < payloads.size(); i++) {
            push(payloads.get(i), i == payloads.size() - 1, 15_000, false);
        }

        assertThat(frames).singleElement().satisfies(frame -> {
            assertThat(frame.rtpTimestamp()).isEqualTo(15_000);
            assertThat(frame.keyframe()).isFalse();
        });
    }

    @Test
    void shouldKeepSpatialLayerZeroOnlyInNonFlexibleModeWithLayerIndices() {
        // I L B E | picture id | TID=0 U=0 SID | TL0PICIDX
        push(new byte[] {(byte) 0xAC, 0x05, 0x00, 0x07, 1, 2, 3}, false, 3000, false);
        push(new byte[] {(byte) 0xAC, 0x05, 0x02, 0x07, 4, 5}, true, 3000, false); // SID 1

        assertThat(frames).singleElement().satisfies(frame -> {
            assertThat(frame.data()).containsExactly(1, 2, 3);
            assertThat(frame.keyframe()).isTrue();
        });
    }
}
