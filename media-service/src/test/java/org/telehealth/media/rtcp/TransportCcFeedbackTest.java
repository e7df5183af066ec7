package org.telehealth.media.rtcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.telehealth.media.rtcp.RtcpVectors.parseOne;
import static org.telehealth.media.rtcp.TransportCcPacketStatus.NOT_RECEIVED;
import static org.telehealth.media.rtcp.TransportCcPacketStatus.received;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.telehealth.media.rtp.Hex;

class TransportCcFeedbackTest {

    private static final long SENDER = 1;
    private static final long MEDIA = 0x1A2B3C4DL;

    @Test
    void shouldReadEveryFieldOfAFeedback() throws Exception {
        TransportCcFeedback feedback = (TransportCcFeedback) parseOne(RtcpVectors.TRANSPORT_CC);

        assertThat(feedback.senderSsrc()).isEqualTo(SENDER);
        assertThat(feedback.mediaSsrc()).isEqualTo(MEDIA);
        assertThat(feedback.baseSequenceNumber()).isEqualTo(1);
        assertThat(feedback.packetStatusCount()).isEqualTo(2);
        assertThat(feedback.referenceTime()).isEqualTo(1);
        assertThat(feedback.feedbackPacketCount()).isZero();
        assertThat(feedback.packetStatuses()).containsExactly(received(5), NOT_RECEIVED);
    }

    @Test
    void shouldReadTheDraftsRunLengthExampleAndANegativeReferenceTime() throws Exception {
        TransportCcFeedback feedback = (TransportCcFeedback) parseOne(RtcpVectors.TRANSPORT_CC_LOSS_RUN);

        assertThat(feedback.baseSequenceNumber()).isEqualTo(1000);
        assertThat(feedback.referenceTime()).isEqualTo(-2);
        assertThat(feedback.feedbackPacketCount()).isEqualTo(7);
        assertThat(feedback.packetStatuses()).hasSize(222)
                .startsWith(Collections.nCopies(221, NOT_RECEIVED).toArray(TransportCcPacketStatus[]::new))
                .endsWith(received(255));
        assertThat(feedback.sequenceNumber(221)).isEqualTo(1221);
    }

    @Test
    void shouldReadBothVectorKindsWithLargeAndNegativeDeltasAcrossTheSequenceWrap() throws Exception {
        TransportCcFeedback feedback = (TransportCcFeedback) parseOne(RtcpVectors.TRANSPORT_CC_VECTORS);

        assertThat(feedback.baseSequenceNumber()).isEqualTo(65_530);
        assertThat(feedback.referenceTime()).isEqualTo(256);
        assertThat(feedback.feedbackPacketCount()).isEqualTo(255);
        assertThat(feedback.packetStatuses()).containsExactly(vectorsStatuses());
        assertThat(feedback.sequenceNumber(5)).isEqualTo(65_535);
        assertThat(feedback.sequenceNumber(6)).isZero();
        assertThat(feedback.sequenceNumber(14)).isEqualTo(8);
        assertThat(feedback.sequenceNumber(17)).isEqualTo(11);
    }

    @Test
    void shouldWriteEachHandBuiltFeedbackByteForByte() {
        assertThat(new TransportCcFeedback(SENDER, MEDIA, 1, 1, 0, List.of(received(5), NOT_RECEIVED)).toBytes())
                .isEqualTo(RtcpVectors.TRANSPORT_CC);
        List<TransportCcPacketStatus> lossRun = new ArrayList<>(Collections.nCopies(221, NOT_RECEIVED));
        lossRun.add(received(255));
        assertThat(new TransportCcFeedback(SENDER, MEDIA, 1000, -2, 7, lossRun).toBytes())
                .isEqualTo(RtcpVectors.TRANSPORT_CC_LOSS_RUN);
        assertThat(new TransportCcFeedback(SENDER, MEDIA, 65_530, 256, 255, List.of(vectorsStatuses())).toBytes())
                .isEqualTo(RtcpVectors.TRANSPORT_CC_VECTORS);
    }

    @Test
    void shouldWriteARunOfOneStatusAsOneRunLengthChunk() {
        byte[] bytes = feedback(Collections.nCopies(20, received(4))).toBytes();

        assertThat(Hex.of(chunksAndDeltas(bytes))).isEqualTo(
                "2014" // 0|01|0000000010100: 20 x received, small delta
                + "04".repeat(20) // 20 small deltas of 1 ms
                + "0000"); // padding
    }

    @Test
    void shouldPackSmallDeltasMixedWithLossesIntoOneBitVectors() {
        List<TransportCcPacketStatus> statuses = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            statuses.add(i % 2 == 0 ? received(8) : NOT_RECEIVED);
        }

        byte[] bytes = feedback(statuses).toBytes();

        assertThat(Hex.of(chunksAndDeltas(bytes))).isEqualTo(
                "aaaa" // 1|0|10101010101010: received, not received, ... (14 symbols)
                + "08".repeat(7) // 7 small deltas of 2 ms
                + "000000"); // padding
    }

    @Test
    void shouldSpendTwoBitVectorsOnlyOnTheSevenPacketsAroundALargeDelta() {
        List<TransportCcPacketStatus> statuses = new ArrayList<>();
        statuses.add(received(-1));
        statuses.addAll(Collections.nCopies(6, received(1)));
        for (int i = 0; i < 14; i++) {
            statuses.add(i % 2 == 0 ? received(1) : NOT_RECEIVED);
        }

        byte[] bytes = feedback(statuses).toBytes();

        assertThat(Hex.of(bytes).substring(40, 48)).isEqualTo(
                "e555" // 1|1|10 01 01 01 01 01 01: large, then 6 x small
                + "aaaa"); // 1|0|10101010101010: small, not received, ... (14 symbols)
        assertThat(Hex.of(bytes).substring(48, 52)).isEqualTo("ffff"); // the large delta: -1 x 250 us
    }

    @Test
    void shouldSplitALossRunLongerThanARunLengthChunkHolds() throws Exception {
        List<TransportCcPacketStatus> statuses = new ArrayList<>();
        statuses.add(received(0));
        statuses.addAll(Collections.nCopies(10_000, NOT_RECEIVED));
        statuses.add(received(200));
        TransportCcFeedback feedback = feedback(statuses);

        byte[] bytes = feedback.toBytes();

        assertThat(Hex.of(chunksAndDeltas(bytes))).isEqualTo(
                "2001" // 0|01|0000000000001: 1 x received, small delta
                + "1fff" // 0|00|1111111111111: 8191 x not received
                + "0711" // 0|00|0011100010001: 1809 x not received
                + "2001" // 1 x received, small delta
                + "00c8" // deltas 0 and 200
                + "0000"); // padding
        assertThat(parseOne(bytes)).isEqualTo(feedback);
    }

    @Test
    void shouldTakeARunThatOutrunsTheStatusCountAsEndingAtTheCount() throws Exception {
        byte[] bytes = Hex.bytes(
                "8f cd 00 06",
                "00 00 00 01",
                "1a 2b 3c 4d",
                "00 05 00 03", // base 5 | 3 statuses
                "00 00 00 01",
                "20 ff 01 02", // 0|01|0000011111111: 255 x received, small delta | deltas 1, 2
                "03 00 00 00"); // delta 3 | padding

        TransportCcFeedback feedback = (TransportCcFeedback) parseOne(bytes);

        assertThat(feedback.packetStatuses()).containsExactly(received(1), received(2), received(3));
    }

    @Test
    void shouldReadTheRunLengthOfZeroThatSomeEncodersLeaveBehind() throws Exception {
        byte[] bytes = Hex.bytes("8f cd 00 06", "00 00 00 01", "1a 2b 3c 4d", "00 05 00 01", "00 00 00 01",
                "00 00 20 01", // 0|00|0000000000000: empty run | 1 x received, small delta
                "09 00 00 00"); // delta 9 | padding

        assertThat(((TransportCcFeedback) parseOne(bytes)).packetStatuses()).containsExactly(received(9));
    }

    @Test
    void shouldReadFeedbackPaddedWithThePaddingBitAsBrowsersPadIt() throws Exception {
        byte[] bytes = Hex.bytes(
                "af cd 00 05", // V=2, P=1, FMT=15 | PT=205 | length 5
                "00 00 00 01",
                "1a 2b 3c 4d",
                "00 01 00 02",
                "00 00 01 00",
                "a0 00 05 01"); // 1-bit vector | delta 5 | pad count 1

        assertThat(parseOne(bytes)).isEqualTo(parseOne(RtcpVectors.TRANSPORT_CC));
    }

    @Test
    void shouldReadBackEveryRandomFeedbackItWrites() throws Exception {
        Random random = new Random(0x7CC);
        for (int round = 0; round < 2_000; round++) {
            List<TransportCcPacketStatus> statuses = new ArrayList<>();
            int count = 1 + random.nextInt(round % 10 == 0 ? 3_000 : 60);
            while (statuses.size() < count) {
                TransportCcPacketStatus status = switch (random.nextInt(4)) {
                    case 0 -> NOT_RECEIVED;
                    case 1 -> received(random.nextInt(256));
                    case 2 -> received(Short.MIN_VALUE + random.nextInt(1 << 16));
                    default -> received(random.nextInt(8));
                };
                statuses.addAll(Collections.nCopies(Math.min(1 + random.nextInt(30), count - statuses.size()), status));
            }
            TransportCcFeedback feedback = new TransportCcFeedback(random.nextInt() & 0xFFFF_FFFFL,
                    random.nextInt() & 0xFFFF_FFFFL, random.nextInt(1 << 16), (random.nextInt() << 8) >> 8,
                    random.nextInt(256), statuses);

            byte[] bytes = feedback.toBytes();

            assertThat(bytes.length).isEqualTo(feedback.length()).isEqualTo((bytes.length + 3) & ~3);
            assertThat(parseOne(bytes)).isEqualTo(feedback);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no room for the reference time|8f cd 00 03 00 00 00 01 1a 2b 3c 4d 00 01 00 01"
                + "|transport-cc feedback of 16 bytes is shorter than the 20 bytes before its first packet chunk",
        "no packet|8f cd 00 05 00 00 00 01 1a 2b 3c 4d 00 01 00 00 00 00 01 00 20 01 05 00"
                + "|transport-cc feedback reports no packet",
        "no chunk|8f cd 00 04 00 00 00 01 1a 2b 3c 4d 00 01 00 01 00 00 01 00"
                + "|transport-cc feedback ends after 0 of its 1 packet statuses",
        "fewer statuses than counted|8f cd 00 05 00 00 00 01 1a 2b 3c 4d 00 01 00 14 00 00 01 00 c0 00 00 00"
                + "|transport-cc feedback ends after 7 of its 20 packet statuses",
        "deltas cut short|8f cd 00 05 00 00 00 01 1a 2b 3c 4d 00 01 00 03 00 00 01 00 40 03 00 10"
                + "|transport-cc feedback ends in the receive delta of packet 1 of 3",
        "delta cut by padding|af cd 00 05 00 00 00 01 1a 2b 3c 4d 00 01 00 01 00 00 01 00 20 01 05 02"
                + "|transport-cc feedback ends in the receive delta of packet 0 of 1",
        "the draft's run of 11s|8f cd 00 05 00 00 00 01 1a 2b 3c 4d 00 01 00 18 00 00 01 00 60 18 00 00"
                + "|transport-cc feedback uses the reserved packet status symbol 11",
        "the draft's 2-bit vector with an 11|8f cd 00 05 00 00 00 01 1a 2b 3c 4d 00 01 00 07 00 00 01 00 cd 50 00 00"
                + "|transport-cc feedback uses the reserved packet status symbol 11",
    })
    void shouldRejectAMalformedFeedback(String variant, String hex, String message) {
        byte[] bytes = Hex.bytes(hex);

        assertThatThrownBy(() -> RtcpCompoundParser.parse(bytes, 0, bytes.length))
                .isInstanceOf(MalformedRtcpException.class)
                .hasMessageContaining(message);
    }

    @Test
    void shouldRejectEveryTruncationOfAValidFeedback() {
        for (byte[] valid : List.of(RtcpVectors.TRANSPORT_CC_LOSS_RUN, RtcpVectors.TRANSPORT_CC_VECTORS)) {
            for (int words = 0; words < valid.length / 4 - 1; words++) {
                byte[] truncated = Arrays.copyOf(valid, valid.length);
                truncated[3] = (byte) words;
                int length = 4 * (words + 1);

                assertThatThrownBy(() -> RtcpCompoundParser.parse(truncated, 0, length))
                        .as("%d of %d bytes", length, valid.length)
                        .isInstanceOf(MalformedRtcpException.class);
            }
        }
    }

    @Test
    void shouldRefuseToBuildFeedbackTheWireCannotCarry() {
        List<TransportCcPacketStatus> one = List.of(NOT_RECEIVED);

        assertThatThrownBy(() -> new TransportCcFeedback(1, 2, 0, 0, 0, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TransportCcFeedback(1, 2, 0, 0, 0, Collections.nCopies(65_536, NOT_RECEIVED)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TransportCcFeedback(1, 2, 65_536, 0, 0, one))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TransportCcFeedback(1, 2, 0, 1 << 23, 0, one))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TransportCcFeedback(1, 2, 0, 0, 256, one))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> received(32_768)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TransportCcPacketStatus(false, 4)).isInstanceOf(IllegalArgumentException.class);
    }

    /** The statuses {@link RtcpVectors#TRANSPORT_CC_VECTORS} carries. */
    private static TransportCcPacketStatus[] vectorsStatuses() {
        return new TransportCcPacketStatus[] {
            NOT_RECEIVED, received(1), received(2), received(3), received(4), received(5),
            NOT_RECEIVED, NOT_RECEIVED, NOT_RECEIVED, received(6), received(7), received(8),
            NOT_RECEIVED, NOT_RECEIVED,
            received(8192), NOT_RECEIVED, received(-4), received(0),
        };
    }

    private static TransportCcFeedback feedback(List<TransportCcPacketStatus> statuses) {
        return new TransportCcFeedback(SENDER, MEDIA, 100, 0, 0, statuses);
    }

    /** What follows the 20 fixed bytes: the chunks, the deltas and the padding. */
    private static byte[] chunksAndDeltas(byte[] feedback) {
        return Arrays.copyOfRange(feedback, 20, feedback.length);
    }
}
