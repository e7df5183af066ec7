package org.telehealth.media.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.telehealth.media.rtcp.ReportBlock;

/**
 * Hand-computed examples of RFC 3550's receiver statistics. Audio at 48 kHz: 20 ms packets are 960
 * timestamp units apart and 1 ms of arrival time is 48 units.
 */
class ReceiveStatisticsTest {

    private static final long SSRC = 0x1111_0003L;
    private static final long MS = 1_000_000L;
    private static final long T0 = 5_000 * MS;

    private final ReceiveStatistics audio = new ReceiveStatistics(48_000);

    @Test
    void shouldReportLossInAllAndAsAFractionOfEachInterval() {
        receiveInOrder(0, 9, 3, 7);

        ReportBlock first = audio.report(SSRC, T0);
        assertThat(first.extendedHighestSequenceNumber()).isEqualTo(9);
        assertThat(first.cumulativeLost()).isEqualTo(2);
        assertThat(first.fractionLost()).isEqualTo(51); // 2 of 10 expected: 2 * 256 / 10 = 51.2

        receiveInOrder(10, 19);
        ReportBlock second = audio.report(SSRC, T0);
        assertThat(second.cumulativeLost()).isEqualTo(2);
        assertThat(second.fractionLost()).isZero();
        assertThat(audio.fractionLost()).isZero();
    }

    @Test
    void shouldCountAReorderedPacketAsReceivedOnceItArrives() {
        for (int sequenceNumber : new int[] {0, 1, 3, 2, 4}) {
            audio.onPacket(sequenceNumber, 960L * sequenceNumber, T0, false);
        }

        ReportBlock block = audio.report(SSRC, T0);
        assertThat(block.extendedHighestSequenceNumber()).isEqualTo(4);
        assertThat(block.cumulativeLost()).isZero();
        assertThat(block.fractionLost()).isZero();
    }

    @Test
    void shouldCountOnPastTheWrapOfTheSequenceNumber() {
        for (int sequenceNumber : new int[] {65_533, 65_534, 65_535, 0, 2}) {
            audio.onPacket(sequenceNumber, 0, T0, false);
        }

        ReportBlock block = audio.report(SSRC, T0);
        assertThat(block.extendedHighestSequenceNumber()).isEqualTo(65_536 + 2); // one cycle, then 2
        assertThat(block.cumulativeLost()).isEqualTo(1); // 6 expected (65533 to 65538), 5 received
        assertThat(block.fractionLost()).isEqualTo(42); // 256 / 6 = 42.7
    }

    @Test
    void shouldLetDuplicatesMakeTheLossNegative() {
        for (int sequenceNumber : new int[] {0, 1, 1, 2}) {
            audio.onPacket(sequenceNumber, 0, T0, false);
        }

        ReportBlock block = audio.report(SSRC, T0);
        assertThat(block.cumulativeLost()).isEqualTo(-1);
        assertThat(block.fractionLost()).isZero();
    }

    @Test
    void shouldMoveTheJitterASixteenthOfTheWayTowardsEachChangeInTransitTime() {
        audio.onPacket(0, 0, T0, false);
        audio.onPacket(1, 960, T0 + 20 * MS, false); // on time: D = 0, J = 0
        audio.onPacket(2, 1_920, T0 + 45 * MS, false); // 5 ms late: D = 240, 16J = 240, J = 15
        audio.onPacket(3, 2_880, T0 + 60 * MS, false); // on time again: D = 240, 16J = 240 + 240 - 15 = 465

        assertThat(audio.jitter()).isEqualTo(29); // 465 / 16 = 29.06 (in floating point: 15 + 225 / 16)
        assertThat(audio.jitterMillis()).isCloseTo(29 / 48.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(audio.report(SSRC, T0 + 60 * MS).jitter()).isEqualTo(29);
    }

    @Test
    void shouldMeasureJitterAcrossTheWrapOfTheRtpTimestamp() {
        long beforeWrap = 0xFFFF_FFFFL - 959;
        audio.onPacket(0, beforeWrap, T0, false);
        audio.onPacket(1, 0, T0 + 20 * MS, false); // 960 units later, across the wrap: on time
        audio.onPacket(2, 960, T0 + 41 * MS, false); // 1 ms late: D = 48, J = 3

        assertThat(audio.jitter()).isEqualTo(3);
    }

    @Test
    void shouldLeaveTheJitterToPacketsThatArriveInOrderFirstHand() {
        audio.onPacket(0, 0, T0, false);
        audio.onPacket(2, 1_920, T0 + 40 * MS, false);
        audio.onPacket(1, 960, T0 + 90 * MS, false); // reordered: 70 ms late
        audio.onPacket(3, 2_880, T0 + 160 * MS, true); // a retransmission: 100 ms late

        assertThat(audio.jitter()).isZero();
        assertThat(audio.report(SSRC, T0).cumulativeLost()).isZero();
    }

    @Test
    void shouldEchoTheLastSenderReportWithTheTimeHeldSinceIn65536thsOfASecond() {
        audio.onPacket(0, 0, T0, false);
        assertThat(audio.report(SSRC, T0).lastSenderReport()).isZero();

        audio.onSenderReport(0x1234_5678L, T0);
        ReportBlock block = audio.report(SSRC, T0 + 1_500 * MS);

        assertThat(block.lastSenderReport()).isEqualTo(0x1234_5678L);
        assertThat(block.delaySinceLastSenderReport()).isEqualTo(98_304); // 1.5 * 65536
    }

    @Test
    void shouldHaveNoReportBeforeTheFirstPacket() {
        assertThat(audio.report(SSRC, T0)).isNull();
        assertThat(audio.cumulativeLost()).isZero();
    }

    /** Packets {@code from} to {@code to}, 20 ms apart and on time, except those {@code lost}. */
    private void receiveInOrder(int from, int to, int... lost) {
        for (int sequenceNumber = from; sequenceNumber <= to; sequenceNumber++) {
            boolean missing = false;
            for (int l : lost) {
                missing |= l == sequenceNumber;
            }
            if (!missing) {
                audio.onPacket(sequenceNumber, 960L * sequenceNumber, T0 + 20 * MS * sequenceNumber, false);
            }
        }
    }
}
