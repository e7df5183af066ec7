package org.telehealth.recording.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** VP8 payloads laid out as RFC 7741 §4.2 draws them, reassembled into frames. */
class Vp8DepacketizerTest {

    /** A keyframe's first bytes (RFC 6386 §9.1): frame tag with P = 0, start code, 640x480 with no scaling. */
    private static final byte[] KEYFRAME_START = {(byte) 0x50, 0x42, 0x00, (byte) 0x9d, 0x01, 0x2a, (byte) 0x80, 0x02,
            (byte) 0xe0, 0x01};
    private static final byte[] DELTA_START = {(byte) 0x31, 0x06, 0x00, 0x11};

    private final Vp8Depacketizer depacketizer = new Vp8Depacketizer();
    private final List<EncodedFrame> frames = new ArrayList<>();

    private void push(byte[] payload, boolean marker, int sequenceNumber, long timestamp, boolean afterLoss) {
        byte[] packet = TestPackets.rtp(96, marker, sequenceNumber, timestamp, 1, payload);
        depacketizer.push(RtpPacket.parse(packet, 0, packet.length), afterLoss, frames::add);
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    @Test
    void shouldTakeAFrameInOnePacketWithTheShortestDescriptor() {
        push(concat(new byte[] {0x10}, DELTA_START), true, 1, 3000, false); // X=0, S=1, PID=0

        assertThat(frames).singleElement().satisfies(frame -> {
            assertThat(frame.data()).isEqualTo(DELTA_START);
            assertThat(frame.keyframe()).isFalse();
            assertThat(frame.rtpTimestamp()).isEqualTo(3000);
        });
    }

    @Test
    void shouldReassembleAKeyframeWithEveryOptionalFieldOfTheDescriptorAndReadItsSize() {
        // X=1 S=1 | I L T K | M + 15-bit picture id 0x1234 | TL0PICIDX | TID/Y/KEYIDX (RFC 7741 §4.2)
        byte[] fullDescriptor = {(byte) 0x90, (byte) 0xF0, (byte) 0x92, 0x34, 0x05, (byte) 0x20};
        byte[] continuation = {(byte) 0x80, (byte) 0xF0, (byte) 0x92, 0x34, 0x05, (byte) 0x20};
        push(concat(fullDescriptor, KEYFRAME_START), false, 1, 9000, false);
        push(concat(continuation, new byte[] {1, 2, 3}), false, 2, 9000, false);
        push(concat(continuation, new byte[] {4, 5}), true, 3, 9000, false);

        assertThat(frames).singleElement().satisfies(frame -> {
            assertThat(frame.data()).isEqualTo(concat(KEYFRAME_START, new byte[] {1, 2, 3, 4, 5}));
            assertThat(frame.keyframe()).isTrue();
            assertThat(frame.width()).isEqualTo(640);
            assertThat(frame.height()).isEqualTo(480);
        });
    }

    @Test
    void shouldReadA7BitPictureIdDescriptor() {
        push(concat(new byte[] {(byte) 0x90, (byte) 0x80, 0x11}, DELTA_START), true, 1, 0, false); // I, M=0

        assertThat(frames).singleElement().extracting(EncodedFrame::data).isEqualTo(DELTA_START);
    }

    @Test
    void shouldDropAFrameThatLostAPacketAndTakeTheNextWhole() {
        push(concat(new byte[] {0x10}, DELTA_START), false, 1, 3000, false);
        push(concat(new byte[] {0x00}, new byte[] {9}), true, 3, 3000, true);
        push(concat(new byte[] {0x10}, DELTA_START), true, 4, 6000, false);

        assertThat(frames).extracting(EncodedFrame::rtpTimestamp).containsExactly(6000L);
        assertThat(depacketizer.framesDropped()).isEqualTo(1);
    }

    @Test
    void shouldDropAFrameWhoseLastPacketNeverCame() {
        push(concat(new byte[] {0x10}, DELTA_START), false, 1, 3000, false);
        push(concat(new byte[] {0x10}, DELTA_START), true, 2, 6000, false);

        assertThat(frames).extracting(EncodedFrame::rtpTimestamp).containsExactly(6000L);
    }

    @Test
    void shouldIgnoreContinuationsWithoutAStartAndAPartitionOtherThanTheFirst() {
        push(concat(new byte[] {0x00}, new byte[] {1, 2}), true, 1, 3000, false);
        push(concat(new byte[] {0x11}, new byte[] {1, 2}), true, 2, 6000, false); // S=1 but PID=1

        assertThat(frames).isEmpty();
    }

    @Test
    void shouldNotTakeATruncatedDescriptor() {
        push(new byte[] {(byte) 0x90, (byte) 0x80}, true, 1, 3000, false);

        assertThat(frames).isEmpty();
    }
}
