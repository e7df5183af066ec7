package org.telehealth.recording.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JitterBufferTest {

    private static final long MILLI = 1_000_000L;

    private final JitterBuffer buffer = new JitterBuffer(8, 100 * MILLI);
    private final List<String> released = new ArrayList<>();

    private void push(int sequenceNumber, long atMillis) {
        buffer.push(packet(sequenceNumber), atMillis * MILLI, this::release);
    }

    private void release(RtpPacket packet, boolean afterLoss, long arrivalNanos) {
        released.add((afterLoss ? "!" : "") + packet.sequenceNumber());
    }

    private static RtpPacket packet(int sequenceNumber) {
        return RtpPacket.parse(TestPackets.rtp(96, false, sequenceNumber, 0, 1, new byte[] {1}), 0, 13);
    }

    @Test
    void shouldReleasePacketsInOrderAtOnce() {
        push(10, 0);
        push(11, 1);
        push(12, 2);

        assertThat(released).containsExactly("10", "11", "12");
        assertThat(buffer.lost()).isZero();
    }

    @Test
    void shouldPutReorderedPacketsBackInOrder() {
        push(10, 0);
        push(12, 1);
        push(13, 2);
        assertThat(released).containsExactly("10");

        push(11, 3);
        assertThat(released).containsExactly("10", "11", "12", "13");
        assertThat(buffer.lost()).isZero();
    }

    @Test
    void shouldDropDuplicatesAndPacketsOlderThanWhatWasReleased() {
        push(10, 0);
        push(11, 1);
        push(11, 2);
        push(9, 3);
        push(13, 4);
        push(13, 5);

        assertThat(released).containsExactly("10", "11");
        assertThat(buffer.duplicates()).isEqualTo(2);
        assertThat(buffer.late()).isEqualTo(1);
    }

    @Test
    void shouldGiveUpAMissingPacketAfterTheDelayAndMarkTheNextAsFollowingALoss() {
        push(10, 0);
        push(12, 10);
        buffer.poll(109 * MILLI, this::release);
        assertThat(released).containsExactly("10");

        buffer.poll(110 * MILLI, this::release);
        assertThat(released).containsExactly("10", "!12");
        assertThat(buffer.lost()).isEqualTo(1);

        push(11, 120);
        assertThat(released).as("too late").containsExactly("10", "!12");
        assertThat(buffer.late()).isEqualTo(1);
    }

    @Test
    void shouldGiveUpAMissingPacketWhenTheBufferIsFull() {
        push(1, 0);
        for (int sequenceNumber = 3; sequenceNumber < 3 + 8; sequenceNumber++) {
            push(sequenceNumber, 1);
        }

        assertThat(released).startsWith("1", "!3", "4").hasSize(9);
    }

    @Test
    void shouldCountSequenceNumbersPastTheWrap() {
        push(65_534, 0);
        push(0, 1);
        push(65_535, 2);
        push(1, 3);

        assertThat(released).containsExactly("65534", "65535", "0", "1");
    }

    @Test
    void shouldReleaseEverythingHeldWhenFlushed() {
        push(1, 0);
        push(3, 1);
        push(5, 2);
        buffer.flush(this::release);

        assertThat(released).containsExactly("1", "!3", "!5");
        assertThat(buffer.lost()).isEqualTo(2);
    }
}
