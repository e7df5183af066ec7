package org.telehealth.media.retransmission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telehealth.media.rtcp.GenericNack;
import org.telehealth.media.wire.NetworkByteOrder;

class NackResponderTest {

    private static final long RECEIVER_SSRC = 0xAAAA_AAAAL;
    private static final long MEDIA_SSRC = 0x1234_5678L;
    private static final long MILLISECOND = TimeUnit.MILLISECONDS.toNanos(1);

    private final RetransmissionBuffer buffer = new RetransmissionBuffer(MEDIA_SSRC, 512);
    private long now = 5_000 * MILLISECOND;
    private NackResponder responder;

    @BeforeEach
    void storeSequenceNumbers65500To199() throws Exception {
        for (int i = 0; i < 236; i++) {
            byte[] packet = RetransmissionBufferTest.packet((65_500 + i) & 0xFFFF, i);
            buffer.store(packet, 0, packet.length);
        }
        responder = new NackResponder(buffer, () -> now);
    }

    @Test
    void shouldReturnTheStoredPacketsInTheOrderOfTheNackSkippingUnknownOnes() {
        List<byte[]> packets = responder.respond(nack(3, 65_535, 500, 0, 65_499));

        assertThat(sequenceNumbers(packets)).containsExactly(3, 65_535, 0);
        assertThat(packets.get(0)).isEqualTo(buffer.find(3).orElseThrow());
    }

    @Test
    void shouldReturnNothingWhenNoPacketIsKnown() {
        assertThat(responder.respond(nack(300, 301, 65_000))).isEmpty();
    }

    @Test
    void shouldReturnAtMost64PacketsForOneNack() {
        List<byte[]> packets = responder.respond(nack(IntStream.range(0, 100).toArray()));

        assertThat(sequenceNumbers(packets)).containsExactlyElementsOf(IntStream.range(0, 64).boxed().toList());
    }

    @Test
    void shouldResendPacketsLeftOutByTheBoundOnTheNextNack() {
        responder.respond(nack(IntStream.range(0, 100).toArray()));

        List<byte[]> packets = responder.respond(nack(IntStream.range(0, 100).toArray()));

        assertThat(sequenceNumbers(packets)).containsExactlyElementsOf(IntStream.range(64, 100).boxed().toList());
    }

    @Test
    void shouldHonourAConfiguredBound() {
        NackResponder strict = new NackResponder(buffer, 2, 100 * MILLISECOND, () -> now);

        assertThat(sequenceNumbers(strict.respond(nack(500, 7, 8, 9)))).containsExactly(7, 8);
    }

    @Test
    void shouldNotResendASequenceNumberWithin100Milliseconds() {
        assertThat(sequenceNumbers(responder.respond(nack(10, 11)))).containsExactly(10, 11);

        now += 99 * MILLISECOND;
        assertThat(sequenceNumbers(responder.respond(nack(10, 11, 12)))).containsExactly(12);

        now += MILLISECOND;
        assertThat(sequenceNumbers(responder.respond(nack(10, 11, 12)))).containsExactly(10, 11);
    }

    @Test
    void shouldSendASequenceNumberListedTwiceInOneNackOnce() {
        assertThat(sequenceNumbers(responder.respond(nack(10, 10, 11, 10)))).containsExactly(10, 11);
    }

    @Test
    void shouldRateLimitEachReceiverOnItsOwn() {
        NackResponder otherReceiver = new NackResponder(buffer, () -> now);
        responder.respond(nack(10));

        assertThat(sequenceNumbers(otherReceiver.respond(nack(10)))).containsExactly(10);
    }

    @Test
    void shouldNotCountAnUnknownPacketAsSent() throws Exception {
        assertThat(responder.respond(nack(236))).isEmpty();
        byte[] late = RetransmissionBufferTest.packet(236, 0);
        buffer.store(late, 0, late.length);

        assertThat(sequenceNumbers(responder.respond(nack(236)))).containsExactly(236);
    }

    @Test
    void shouldRejectANackAboutAnotherStream() {
        GenericNack other = new GenericNack(RECEIVER_SSRC, MEDIA_SSRC + 1, List.of(10));

        assertThatThrownBy(() -> responder.respond(other)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRejectArgumentsOutsideTheirRanges() {
        assertThatThrownBy(() -> new NackResponder(null, () -> now)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NackResponder(buffer, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NackResponder(buffer, 0, MILLISECOND, () -> now))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NackResponder(buffer, 64, -1, () -> now))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static GenericNack nack(int... lost) {
        return new GenericNack(RECEIVER_SSRC, MEDIA_SSRC, IntStream.of(lost).boxed().toList());
    }

    private static List<Integer> sequenceNumbers(List<byte[]> packets) {
        List<Integer> sequenceNumbers = new ArrayList<>();
        for (byte[] packet : packets) {
            sequenceNumbers.add(NetworkByteOrder.uint16(packet, 2));
        }
        return sequenceNumbers;
    }
}
