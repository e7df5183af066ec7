package org.telehealth.recording.capture;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Tracks put on the recorder's clock: by arrival before any sender report, by the reports after. */
class TrackTimelineTest {

    private static final long MILLI = 1_000_000L;
    /** The sender's wall clock reads 10 000 s at the recorder's 0. */
    private static final long SENDER_AT_ZERO_MILLIS = 10_000_000;

    private static long map(TrackTimeline timeline, long rtpTimestamp, long arrivalMillis) {
        return timeline.toRecorderNanos(timeline.observe(rtpTimestamp, arrivalMillis * MILLI)) / MILLI;
    }

    @Test
    void shouldPlaceFramesByTheEarliestArrivalForTheirTimestampBeforeAnyReport() {
        TrackTimeline audio = new TrackTimeline(48_000, new SenderClock());

        assertThat(map(audio, 48_000, 500)).isEqualTo(500);
        assertThat(map(audio, 48_960, 540)).as("arrived 20 ms late: placed by its timestamp").isEqualTo(520);
        assertThat(map(audio, 49_920, 530)).as("arrived earlier than the first suggested").isEqualTo(530);
        assertThat(audio.toRecorderNanos(48_000) / MILLI).as("the whole track moves").isEqualTo(490);
    }

    @Test
    void shouldPlaceFramesWhenTheSenderCapturedThemOnceAReportCame() {
        SenderClock clock = new SenderClock();
        TrackTimeline video = new TrackTimeline(90_000, clock);
        map(video, 900_000, 1200);

        video.onSenderReport(TestPackets.ntp(SENDER_AT_ZERO_MILLIS + 1000), 900_000, 1005 * MILLI);

        assertThat(map(video, 900_000 + 90_000, 2300)).as("1 s after the report's instant, which arrived 5 ms after it")
                .isEqualTo(2005);
    }

    @Test
    void shouldKeepAParticipantsAudioAndVideoInSyncThroughTheirSharedClock() {
        SenderClock clock = new SenderClock();
        TrackTimeline audio = new TrackTimeline(48_000, clock);
        TrackTimeline video = new TrackTimeline(90_000, clock);
        map(audio, 1_000, 100);
        map(video, 5_000, 180);

        audio.onSenderReport(TestPackets.ntp(SENDER_AT_ZERO_MILLIS + 2000), 1_000 + 48_000 * 2, 2030 * MILLI);
        video.onSenderReport(TestPackets.ntp(SENDER_AT_ZERO_MILLIS + 2500), 5_000 + 90 * 2400, 2510 * MILLI);

        long audioAtThree = map(audio, 1_000 + 48_000 * 3, 3050);
        long videoAtThree = map(video, 5_000 + 90 * 2900, 3090);
        assertThat(audioAtThree).isEqualTo(videoAtThree).as("the smaller report delay counts").isEqualTo(3010);
    }

    @Test
    void shouldCountTimestampsPastTheWrap() {
        TrackTimeline audio = new TrackTimeline(48_000, new SenderClock());
        map(audio, 0xFFFF_FFFFL - 959, 0);

        assertThat(map(audio, 960 - 960 + 0, 20)).isEqualTo(20);
        assertThat(map(audio, 960, 40)).isEqualTo(40);
    }

    @Test
    void shouldUseAReportThatCameBeforeTheFirstFrame() {
        SenderClock clock = new SenderClock();
        TrackTimeline audio = new TrackTimeline(48_000, clock);

        audio.onSenderReport(TestPackets.ntp(SENDER_AT_ZERO_MILLIS + 1000), 4_000_000_000L, 1000 * MILLI);

        assertThat(map(audio, 4_000_000_000L + 48_000, 2500)).isEqualTo(2000);
    }
}
