package org.telehealth.recording.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FrameScheduleTest {

    private static final long MS = 1_000_000L;

    @Test
    void shouldMakeEachFrameDueAtItsPlaceAndNeverEarly() {
        FrameSchedule camera = new FrameSchedule(1_000 * MS, 40 * MS, 90_000, 0);

        assertThat(camera.due(1_000 * MS - 1)).isFalse();
        assertThat(camera.due(1_000 * MS)).isTrue();
        assertThat(camera.take()).isZero();
        assertThat(camera.nextDueNanos()).isEqualTo(1_040 * MS);
        assertThat(camera.due(1_039 * MS)).isFalse();
        assertThat(camera.latenessNanos(1_039 * MS)).isZero();
    }

    @Test
    void shouldHaveEveryMissedFrameDueAfterAStallAndSayHowLateTheFirstIs() {
        FrameSchedule microphone = new FrameSchedule(0, 20 * MS, 48_000, 0);
        long afterStall = 105 * MS;

        int sent = 0;
        long firstLateness = microphone.latenessNanos(afterStall);
        while (microphone.due(afterStall)) {
            microphone.take();
            sent++;
        }

        assertThat(sent).as("frames 0 to 5 (due at 0, 20, ..., 100 ms), none skipped").isEqualTo(6);
        assertThat(firstLateness).isEqualTo(105 * MS);
        assertThat(microphone.nextDueNanos()).isEqualTo(120 * MS);
    }

    @Test
    void shouldStampFramesAndSenderReportsOnOneClockWrappingAt32Bits() {
        FrameSchedule camera = new FrameSchedule(500 * MS, 40 * MS, 90_000, 0xFFFF_F000L);

        assertThat(camera.timestampOf(0)).isEqualTo(0xFFFF_F000L);
        assertThat(camera.timestampOf(2)).isEqualTo(0xFFFF_F000L + 7_200 - 0x1_0000_0000L);
        assertThat(camera.timestampAt(500 * MS + 80 * MS)).as("the instant frame 2 is due").isEqualTo(camera.timestampOf(2));
        assertThat(camera.timestampAt(500 * MS + 90 * MS)).isEqualTo(camera.timestampOf(2) + 900);
    }

    @Test
    void shouldRefuseAPeriodThatIsNotWholeTicks() {
        assertThatThrownBy(() -> new FrameSchedule(0, 33_333_333L, 90_000, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldWriteNtpTimestampsFrom1900WithAFractionOfTwoToThe32() {
        long ntp = FrameSchedule.ntpTimestamp(1_500_000_000L); // 1.5 s after 1970-01-01

        assertThat(ntp >>> 32).isEqualTo(2_208_988_801L);
        assertThat(ntp & 0xFFFF_FFFFL).isEqualTo(0x8000_0000L);
    }
}
