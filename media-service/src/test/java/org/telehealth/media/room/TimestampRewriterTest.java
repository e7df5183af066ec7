package org.telehealth.media.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.telehealth.media.rtcp.SenderReport;
import org.telehealth.media.rtp.RtpTimestamp;

class TimestampRewriterTest {

    private static final long MILLISECOND = 1_000_000L;
    /** One second on the NTP clock (32.32 fixed point). */
    private static final long NTP_SECOND = 1L << 32;
    private static final long NTP = 0xE8A1_2B3C_0000_0000L;

    private final TimestampRewriter rewriter = new TimestampRewriter();

    @Test
    void shouldKeepTheTimestampsOfTheFirstLayerForwarded() {
        assertThat(rewriter.startRun(123_456, 0, null, null)).isZero();
    }

    @Test
    void shouldGoOnFromTheLastTimestampSentByTheTimeElapsedWhenNoSenderReportsAreKnown() {
        rewriter.startRun(1000, 0, null, null);
        rewriter.onForwarded(4000, 33 * MILLISECOND);
        rewriter.onForwarded(7000, 66 * MILLISECOND);

        long offset = rewriter.startRun(500_900, 99 * MILLISECOND, null, null);

        assertThat(RtpTimestamp.add(500_900, offset)).isEqualTo(7000 + 2970);
        assertThat(RtpTimestamp.add(503_900, offset)).isEqualTo(7000 + 2970 + 3000);
    }

    @Test
    void shouldIgnoreALateTimestampOfTheRunWhenMeasuringTheElapsedTime() {
        rewriter.startRun(1000, 0, null, null);
        rewriter.onForwarded(7000, 66 * MILLISECOND);
        rewriter.onForwarded(4000, 90 * MILLISECOND);

        long offset = rewriter.startRun(10, 99 * MILLISECOND, null, null);

        assertThat(RtpTimestamp.add(10, offset)).isEqualTo(7000 + 2970);
    }

    @Test
    void shouldWrapAt2To32() {
        rewriter.startRun(0xFFFF_F000L, 0, null, null);

        long offset = rewriter.startRun(100, 100 * MILLISECOND, null, null);

        assertThat(RtpTimestamp.add(100, offset)).isEqualTo((0xFFFF_F000L + 9000) & 0xFFFF_FFFFL);
        assertThat(RtpTimestamp.add(100, offset)).isEqualTo(0x1328L);
    }

    @Test
    void shouldKeepTheReceiversClockOnThePublishersWallClockWhenBothLayersReportsAreKnown() {
        rewriter.startRun(1_000_000, 0, null, null);
        rewriter.onForwarded(1_090_000, 1000 * MILLISECOND);
        SenderReport lowLayer = report(NTP, 1_000_000);
        SenderReport highLayer = report(NTP + NTP_SECOND / 2, 70_000_000);

        long offset = rewriter.startRun(70_048_000, 1040 * MILLISECOND, lowLayer, highLayer);

        assertThat(RtpTimestamp.add(70_048_000, offset)).as("the low layer's clock at NTP + 1.033 s, not 40 ms after the last")
                .isEqualTo(1_000_000 + 93_000);
    }

    @Test
    void shouldFallBackToTheElapsedTimeWhenTheReportsWouldGoBackOrFarOff() {
        rewriter.startRun(1_000_000, 0, null, null);
        rewriter.onForwarded(1_090_000, 1000 * MILLISECOND);
        SenderReport lowLayer = report(NTP, 1_000_000);

        long backwards = rewriter.startRun(70_000_000, 1040 * MILLISECOND, lowLayer, report(NTP, 70_000_000));
        assertThat(RtpTimestamp.add(70_000_000, backwards)).isEqualTo(1_090_000 + 3600);

        long farOff = rewriter.startRun(5_000, 1080 * MILLISECOND, lowLayer, report(NTP - 10 * NTP_SECOND, 5_000));
        assertThat(RtpTimestamp.add(5_000, farOff)).isEqualTo(1_090_000 + 3600 + 3600);
    }

    private static SenderReport report(long ntp, long rtp) {
        return new SenderReport(1, ntp, rtp, 0, 0, List.of());
    }
}
