package org.telehealth.media.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Demultiplexing by first byte (RFC 7983) and RTP from RTCP by the second (RFC 5761). */
class PacketClassifierTest {

    @Test
    void shouldClassifyEveryFirstByteAsRfc7983Says() {
        for (int first = 0; first <= 0xFF; first++) {
            PacketKind expected;
            if (first <= 3) {
                expected = PacketKind.STUN;
            } else if (first >= 20 && first <= 63) {
                expected = PacketKind.DTLS;
            } else if (first >= 128 && first <= 191) {
                expected = PacketKind.RTP;
            } else {
                expected = PacketKind.UNKNOWN;
            }

            assertThat(classify((byte) first, (byte) 96)).as("first byte %d", first).isEqualTo(expected);
        }
    }

    @Test
    void shouldTakePacketTypes192To223ForRtcp() {
        for (int second = 0; second <= 0xFF; second++) {
            PacketKind expected = second >= 192 && second <= 223 ? PacketKind.RTCP : PacketKind.RTP;

            assertThat(classify((byte) 0x80, (byte) second)).as("second byte %d", second).isEqualTo(expected);
            assertThat(classify((byte) 0xBF, (byte) second)).as("second byte %d", second).isEqualTo(expected);
        }
    }

    @Test
    void shouldTellRealPacketsApart() {
        assertThat(classify(hex("0001 0058 2112a442 b7e7a701bc34d686fa87dfae"))).isEqualTo(PacketKind.STUN);
        assertThat(classify(hex("16 fefd 0000 000000000000 0074 01"))).isEqualTo(PacketKind.DTLS);
        assertThat(classify(hex("17 fefd 0001 000000000001 0020"))).isEqualTo(PacketKind.DTLS);
        assertThat(classify(hex("80 6f 1234 00000001 deadbeef"))).isEqualTo(PacketKind.RTP);
        assertThat(classify(hex("90 e0 1234 00000001 deadbeef"))).as("marker bit and payload type 96")
                .isEqualTo(PacketKind.RTP);
        assertThat(classify(hex("81 c9 0007 deadbeef"))).as("receiver report").isEqualTo(PacketKind.RTCP);
        assertThat(classify(hex("80 c8 0006 deadbeef"))).as("sender report").isEqualTo(PacketKind.RTCP);
        assertThat(classify(hex("8f ce 0004 deadbeef"))).as("payload-specific feedback").isEqualTo(PacketKind.RTCP);
    }

    @Test
    void shouldCallAnEmptyDatagramUnknown() {
        assertThat(classify()).isEqualTo(PacketKind.UNKNOWN);
        assertThat(PacketClassifier.classify(ByteBuffer.allocate(0))).isEqualTo(PacketKind.UNKNOWN);
    }

    @Test
    void shouldCallAOneByteRtpOrRtcpDatagramUnknown() {
        assertThat(classify((byte) 0x80)).isEqualTo(PacketKind.UNKNOWN);
        assertThat(classify((byte) 0x00)).isEqualTo(PacketKind.STUN);
        assertThat(classify((byte) 0x16)).isEqualTo(PacketKind.DTLS);
    }

    @Test
    void shouldReadOnlyTheGivenRangeOfAnArray() {
        byte[] array = hex("00 80 c9 16 80");

        assertThat(PacketClassifier.classify(array, 1, 2)).isEqualTo(PacketKind.RTCP);
        assertThat(PacketClassifier.classify(array, 3, 1)).isEqualTo(PacketKind.DTLS);
        assertThat(PacketClassifier.classify(array, 4, 1)).as("second byte beyond the range")
                .isEqualTo(PacketKind.UNKNOWN);
        assertThat(PacketClassifier.classify(array, 5, 0)).isEqualTo(PacketKind.UNKNOWN);
        assertThatThrownBy(() -> PacketClassifier.classify(array, 4, 2)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void shouldClassifyTheRemainingBytesOfABufferWithoutMovingIt() {
        ByteBuffer buffer = ByteBuffer.wrap(hex("16 81 c9 00"));
        buffer.position(1);

        assertThat(PacketClassifier.classify(buffer)).isEqualTo(PacketKind.RTCP);
        assertThat(buffer.position()).isEqualTo(1);
        assertThat(PacketClassifier.classify(buffer.slice(1, 1))).isEqualTo(PacketKind.UNKNOWN);
        assertThat(PacketClassifier.classify(ByteBuffer.allocateDirect(2).put((byte) 0x90).put((byte) 0x60).flip()))
                .isEqualTo(PacketKind.RTP);
    }

    private static PacketKind classify(byte... datagram) {
        PacketKind fromArray = PacketClassifier.classify(datagram, 0, datagram.length);
        assertThat(PacketClassifier.classify(ByteBuffer.wrap(datagram))).isEqualTo(fromArray);
        return fromArray;
    }

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }
}
