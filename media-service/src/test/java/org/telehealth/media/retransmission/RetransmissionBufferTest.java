package org.telehealth.media.retransmission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.telehealth.media.rtp.MalformedRtpException;
import org.telehealth.media.wire.NetworkByteOrder;

class RetransmissionBufferTest {

    private static final long SSRC = 0x1234_5678L;

    @Test
    void shouldFindAStoredPacketByItsSequenceNumber() throws Exception {
        RetransmissionBuffer buffer = new RetransmissionBuffer(SSRC, 8);
        byte[] packet = packet(1000, 7);

        assertThat(buffer.store(packet, 0, packet.length)).isTrue();

        assertThat(buffer.find(1000)).hasValueSatisfying(found -> assertThat(found).isEqualTo(packet));
        assertThat(buffer.find(999)).isEmpty();
        assertThat(buffer.find(1001)).isEmpty();
    }

    @Test
    void shouldTellWhetherItHoldsAPacketWithoutCopyingIt() throws Exception {
        RetransmissionBuffer buffer = new RetransmissionBuffer(SSRC, 4);
        for (int sequenceNumber : new int[] {65_534, 65_535, 1}) {
            store(buffer, packet(sequenceNumber, 0));
        }

        assertThat(buffer.contains(65_535)).isTrue();
        assertThat(buffer.contains(1)).isTrue();
        assertThat(buffer.contains(0)).isFalse();
        assertThat(buffer.contains(2)).isFalse();

        store(buffer, packet(3, 0));
        assertThat(buffer.contains(65_534)).isFalse();
        assertThatThrownBy(() -> buffer.contains(65_536)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldFindNothingBeforeTheFirstPacket() {
        assertThat(new RetransmissionBuffer(SSRC, 8).find(0)).isEmpty();
    }

    @Test
    void shouldCopyThePacketOutOfTheCallersBufferAndOutToTheCaller() throws Exception {
        RetransmissionBuffer buffer = new RetransmissionBuffer(SSRC, 8);
        byte[] packet = packet(5, 1);
        byte[] datagram = new byte[packet.length + 20];
        System.arraycopy(packet, 0, datagram, 10, packet.length);

        buffer.store(datagram, 10, packet.length);
        datagram[10 + 12] = 99;
        buffer.find(5).orElseThrow()[12] = 98;

        assertThat(buffer.find(5)).hasValueSatisfying(found -> assertThat(found).isEqualTo(packet));
    }

    @Test
    void shouldEvictAPacketOnceCapacityNewerOnesArrived() throws Exception {
        RetransmissionBuffer buffer = new RetransmissionBuffer(SSRC, 4);
        for (int sequenceNumber = 10; sequenceNumber <= 13; sequenceNumber++) {
            store(buffer, packet(sequenceNumber, 0));
        }
        assertThat(buffer.find(10)).isPresent();

        store(buffer, packet(14, 0));

        assertThat(buffer.find(10)).isEmpty();
        assertThat(buffer.find(11)).isPresent();
        assertThat(buffer.find(14)).isPresent();
    }

    @Test
    void shouldForgetEverythingOlderThanCapacityAfterAJumpForward() throws Exception {
        RetransmissionBuffer buffer = new RetransmissionBuffer(SSRC, 4);
        store(buffer, packet(10, 0));
        store(buffer, packet(11, 0));

        store(buffer, packet(14, 0));

        assertThat(buffer.find(10)).isEmpty();
        assertThat(buffer.find(11)).isPresent();
        assertThat(buffer.find(12)).isEmpty();
    }

    @Test
    void shouldNotReturnAPacketFromTheLastLapOfTheSequenceNumbers() throws Exception {
        RetransmissionBuffer buffer = new RetransmissionBuffer(SSRC, 4);
        for (int step = 0; step <= 65_536 / 3 + 2; step++) {
            store(buffer, packet(3 * step & 0xFFFF, 0));
        }

        assertThat(buffer.find(5)).isPresent();
        assertThat(buffer.find(2)).isPresent();
        assertThat(buffer.find(3)).as("stored a lap ago, not in this one").isEmpty();
    }

    @Test
    void shouldKeepPacketsAcrossTheWrapFrom65535To0() throws Exception {
        RetransmissionBuffer buffer = new RetransmissionBuffer(SSRC, 5);
        for (int sequenceNumber : new int[] {65_533, 65_534, 65_535, 0, 1}) {
            store(buffer, packet(sequenceNumber, sequenceNumber));
        }

        for (int sequenceNumber : new int[] {65_533, 65_534, 65_535, 0, 1}) {
            assertThat(buffer.find(sequenceNumber)).hasValueSatisfying(
                    found -> assertThat(found).isEqualTo(packet(sequenceNumber, sequenceNumber)));
        }
        store(buffer, packet(2, 2));
        assertThat(buffer.find(65_533)).isEmpty();
        assertThat(buffer.find(65_534)).isPresent();
    }

    @Test
    void shouldKeepALatePacketThatIsStillWithinCapacity() throws Exception {
        RetransmissionBuffer buffer = new RetransmissionBuffer(SSRC, 4);
        store(buffer, packet(1, 0));
        store(buffer, packet(65_534, 0));

        assertThat(buffer.find(65_534)).isPresent();
        assertThat(buffer.find(1)).isPresent();
    }

    @Test
    void shouldIgnoreAPacketCapacityOrMoreBehindTheNewest() throws Exception {
        RetransmissionBuffer buffer = new RetransmissionBuffer(SSRC, 4);
        store(buffer, packet(100, 0));
        byte[] late = packet(96, 0);

        assertThat(buffer.store(late, 0, late.length)).isFalse();
        assertThat(buffer.find(96)).isEmpty();
        assertThat(buffer.find(100)).isPresent();
    }

    @Test
    void shouldReplaceAPacketStoredAgainUnderTheSameSequenceNumber() throws Exception {
        RetransmissionBuffer buffer = new RetransmissionBuffer(SSRC, 4);
        store(buffer, packet(7, 1));
        store(buffer, packet(8, 1));

        store(buffer, packet(7, 2));

        assertThat(buffer.find(7)).hasValueSatisfying(found -> assertThat(found).isEqualTo(packet(7, 2)));
        assertThat(buffer.find(8)).isPresent();
    }

    @Test
    void shouldIgnoreAPacketLongerThan1500Bytes() throws Exception {
        RetransmissionBuffer buffer = new RetransmissionBuffer(SSRC, 4);
        byte[] largest = packet(1, 0, RetransmissionBuffer.MAX_PACKET_LENGTH);
        byte[] oversized = packet(2, 0, RetransmissionBuffer.MAX_PACKET_LENGTH + 1);

        assertThat(buffer.store(largest, 0, largest.length)).isTrue();
        assertThat(buffer.store(oversized, 0, oversized.length)).isFalse();

        assertThat(buffer.find(1)).hasValueSatisfying(found -> assertThat(found).isEqualTo(largest));
        assertThat(buffer.find(2)).isEmpty();
    }

    @Test
    void shouldRejectBytesThatAreNotAnRtpPacketAndStoreNothing() {
        RetransmissionBuffer buffer = new RetransmissionBuffer(SSRC, 4);
        byte[] versionOne = packet(1, 0);
        versionOne[0] = 0x40;
        byte[] truncated = new byte[11];

        assertThatThrownBy(() -> buffer.store(versionOne, 0, versionOne.length))
                .isInstanceOf(MalformedRtpException.class);
        assertThatThrownBy(() -> buffer.store(truncated, 0, truncated.length))
                .isInstanceOf(MalformedRtpException.class);
        assertThat(buffer.find(1)).isEmpty();
    }

    @Test
    void shouldRejectAPacketOfAnotherStream() {
        RetransmissionBuffer buffer = new RetransmissionBuffer(SSRC, 4);
        byte[] other = packet(1, 0);
        NetworkByteOrder.writeUint32(other, 8, SSRC + 1);

        assertThatThrownBy(() -> buffer.store(other, 0, other.length)).isInstanceOf(IllegalArgumentException.class);
        assertThat(buffer.find(1)).isEmpty();
    }

    @Test
    void shouldRejectArgumentsOutsideTheirRanges() {
        assertThatThrownBy(() -> new RetransmissionBuffer(SSRC, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetransmissionBuffer(SSRC, RetransmissionBuffer.MAX_CAPACITY + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetransmissionBuffer(-1, 4)).isInstanceOf(IllegalArgumentException.class);
        RetransmissionBuffer buffer = new RetransmissionBuffer(SSRC, 4);
        assertThatThrownBy(() -> buffer.find(65_536)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> buffer.find(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> buffer.store(new byte[20], 10, 12)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * 100,000 stores and lookups, in and out of order, across several wraps, against a map that
     * keeps the packets whose sequence numbers are less than {@code capacity} behind the newest.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 7, 64, 100, 512})
    void shouldAgreeWithASimpleModelOverARandomRunOfStoresAndLookups(int capacity) throws Exception {
        Random random = new Random(4588L * capacity);
        RetransmissionBuffer buffer = new RetransmissionBuffer(SSRC, capacity);
        Map<Integer, byte[]> model = new HashMap<>();
        int newest = -1;
        int cursor = 65_000;
        HexFormat hex = HexFormat.of();
        for (int operation = 0; operation < 100_000; operation++) {
            int roll = random.nextInt(100);
            if (roll < 55) {
                cursor = (cursor + (random.nextInt(100) < 2 ? random.nextInt(65_536) : random.nextInt(4))) & 0xFFFF;
                int sequenceNumber = (cursor - random.nextInt(capacity + 8)) & 0xFFFF;
                int length = random.nextInt(100) == 0 ? RetransmissionBuffer.MAX_PACKET_LENGTH + 1
                        : 12 + random.nextInt(40);
                byte[] packet = packet(sequenceNumber, operation, length);

                boolean keep = length <= RetransmissionBuffer.MAX_PACKET_LENGTH
                        && (newest < 0 || isNewer(sequenceNumber, newest) || age(newest, sequenceNumber) < capacity);
                if (keep) {
                    model.put(sequenceNumber, packet);
                    if (newest < 0 || isNewer(sequenceNumber, newest)) {
                        int latest = sequenceNumber;
                        newest = latest;
                        model.keySet().removeIf(stored -> age(latest, stored) >= capacity);
                    }
                }
                assertThat(buffer.store(packet, 0, packet.length)).as("store %d", sequenceNumber).isEqualTo(keep);
            } else {
                int sequenceNumber = roll < 95 ? (cursor - random.nextInt(capacity + 8) + 4) & 0xFFFF
                        : random.nextInt(65_536);
                Optional<String> expected = Optional.ofNullable(model.get(sequenceNumber)).map(hex::formatHex);
                assertThat(buffer.find(sequenceNumber).map(hex::formatHex))
                        .as("find %d after operation %d", sequenceNumber, operation).isEqualTo(expected);
            }
            assertThat(model.size()).isLessThanOrEqualTo(capacity);
        }
    }

    private static boolean isNewer(int candidate, int reference) {
        int ahead = (candidate - reference) & 0xFFFF;
        return ahead != 0 && ahead < 32_768;
    }

    private static int age(int newest, int sequenceNumber) {
        return (newest - sequenceNumber) & 0xFFFF;
    }

    private static void store(RetransmissionBuffer buffer, byte[] packet) throws MalformedRtpException {
        assertThat(buffer.store(packet, 0, packet.length)).isTrue();
    }

    static byte[] packet(int sequenceNumber, int marker) {
        return packet(sequenceNumber, marker, 16);
    }

    /** An RTP packet of {@link #SSRC} whose payload starts with {@code marker}, to tell versions apart. */
    static byte[] packet(int sequenceNumber, int marker, int length) {
        byte[] packet = new byte[length];
        packet[0] = (byte) 0x80;
        packet[1] = 96;
        NetworkByteOrder.writeUint16(packet, 2, sequenceNumber);
        NetworkByteOrder.writeUint32(packet, 4, 90_000L * sequenceNumber & 0xFFFF_FFFFL);
        NetworkByteOrder.writeUint32(packet, 8, SSRC);
        if (length >= 16) {
            NetworkByteOrder.writeUint32(packet, 12, marker & 0xFFFF_FFFFL);
        }
        return packet;
    }
}
