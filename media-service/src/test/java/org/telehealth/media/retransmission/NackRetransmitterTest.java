package org.telehealth.media.retransmission;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telehealth.media.retransmission.NackRetransmitter.Retransmission;
import org.telehealth.media.rtcp.GenericNack;
import org.telehealth.media.rtp.MalformedRtpException;
import org.telehealth.media.rtp.RtpPacket;

class NackRetransmitterTest {

    private static final long RECEIVER_SSRC = 0xAAAA_AAAAL;
    private static final long MEDIA_SSRC = 0x1234_5678L;
    private static final long RTX_SSRC = 0x9ABC_DEF0L;
    private static final long MILLISECOND = TimeUnit.MILLISECONDS.toNanos(1);
    private static final RtxPayloadTypes VP8_WITH_RTX = RtxPayloadTypes.of(List.of(
            RtxPayloadTypesTest.video(96, "VP8"), RtxPayloadTypesTest.rtx(97, 96)));

    private final RetransmissionBuffer buffer = new RetransmissionBuffer(MEDIA_SSRC, 64);
    private long now = 3_000 * MILLISECOND;

    @BeforeEach
    void storeSequenceNumbers65530To9() throws Exception {
        for (int i = 0; i < 16; i++) {
            byte[] packet = RetransmissionBufferTest.packet((65_530 + i) & 0xFFFF, i, 40);
            buffer.store(packet, 0, packet.length);
        }
    }

    @Test
    void shouldResendAsRtxOnTheRtxSsrcWhenTheReceiverNegotiatedRtx() throws Exception {
        NackRetransmitter retransmitter = new NackRetransmitter(buffer, OptionalLong.of(RTX_SSRC), () -> now);

        List<Integer> lost = List.of(65_535, 0, 1);
        List<Retransmission> sent = retransmitter.respond(nack(65_535, 0, 1), VP8_WITH_RTX);

        assertThat(sent).hasSize(3).extracting(Retransmission::rtx).containsOnly(true);
        for (int i = 0; i < sent.size(); i++) {
            RtpPacket rtx = parse(sent.get(i).packet());
            assertThat(rtx.ssrc()).isEqualTo(RTX_SSRC);
            assertThat(rtx.payloadType()).isEqualTo(97);
            assertThat(RtxUnwrapper.originalSequenceNumber(rtx)).isEqualTo(lost.get(i));
            assertThat(new RtxUnwrapper(MEDIA_SSRC).unwrap(rtx, 96)).isEqualTo(buffer.find(lost.get(i)).orElseThrow());
        }
        int first = parse(sent.get(0).packet()).sequenceNumber();
        assertThat(sent).extracting(packet -> parse(packet.packet()).sequenceNumber())
                .containsExactly(first, (first + 1) & 0xFFFF, (first + 2) & 0xFFFF);
    }

    @Test
    void shouldKeepOneRtxSequenceAcrossNacks() throws Exception {
        NackRetransmitter retransmitter = new NackRetransmitter(buffer, OptionalLong.of(RTX_SSRC), () -> now);

        int first = parse(retransmitter.respond(nack(3), VP8_WITH_RTX).get(0).packet()).sequenceNumber();
        int second = parse(retransmitter.respond(nack(5), VP8_WITH_RTX).get(0).packet()).sequenceNumber();

        assertThat(second).isEqualTo((first + 1) & 0xFFFF);
    }

    @Test
    void shouldResendTheOriginalWhenTheReceiverNegotiatedNoRtx() {
        NackRetransmitter retransmitter = new NackRetransmitter(buffer, OptionalLong.of(RTX_SSRC), () -> now);

        List<Retransmission> sent = retransmitter.respond(nack(2), RtxPayloadTypes.NONE_NEGOTIATED);

        assertThat(sent).singleElement().satisfies(packet -> {
            assertThat(packet.rtx()).isFalse();
            assertThat(packet.packet()).isEqualTo(buffer.find(2).orElseThrow());
        });
    }

    @Test
    void shouldResendTheOriginalWhenTheStreamHasNoRtxSsrc() {
        NackRetransmitter retransmitter = new NackRetransmitter(buffer, OptionalLong.empty(), () -> now);

        assertThat(retransmitter.respond(nack(2), VP8_WITH_RTX)).singleElement()
                .satisfies(packet -> assertThat(packet.rtx()).isFalse());
    }

    @Test
    void shouldResendOnlyWhatTheBufferHoldsAndNotTwiceWithin100Milliseconds() {
        NackRetransmitter retransmitter = new NackRetransmitter(buffer, OptionalLong.of(RTX_SSRC), () -> now);

        assertThat(retransmitter.respond(nack(4, 500), VP8_WITH_RTX)).hasSize(1);
        assertThat(retransmitter.respond(nack(4), VP8_WITH_RTX)).isEmpty();

        now += 100 * MILLISECOND;
        assertThat(retransmitter.respond(nack(4), VP8_WITH_RTX)).hasSize(1);
    }

    @Test
    void shouldServeOnlyTheBufferAndRtxSsrcItWasMadeFor() {
        NackRetransmitter retransmitter = new NackRetransmitter(buffer, OptionalLong.of(RTX_SSRC), () -> now);

        assertThat(retransmitter.serves(buffer, OptionalLong.of(RTX_SSRC))).isTrue();
        assertThat(retransmitter.serves(new RetransmissionBuffer(MEDIA_SSRC, 64), OptionalLong.of(RTX_SSRC))).isFalse();
        assertThat(retransmitter.serves(buffer, OptionalLong.empty())).isFalse();
    }

    private static GenericNack nack(int... lost) {
        return new GenericNack(RECEIVER_SSRC, MEDIA_SSRC, Arrays.stream(lost).boxed().toList());
    }

    private static RtpPacket parse(byte[] packet) {
        try {
            return RtpPacket.parse(packet, 0, packet.length);
        } catch (MalformedRtpException e) {
            throw new AssertionError(e);
        }
    }
}
