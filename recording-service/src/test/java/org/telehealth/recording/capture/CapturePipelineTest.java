package org.telehealth.recording.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telehealth.recording.webm.FileWebmSink;

/**
 * A visit recorded end to end from RTP over UDP to a WebM file, as the media-service's fork would
 * send it: the doctor's VP8 camera and Opus microphone from the start, the patient's VP9 camera and
 * microphone joining after a second, on a link that loses, reorders and duplicates packets, each
 * participant's sender reports on a clock of their own. ffprobe and ffmpeg must then find every
 * track, the right duration and times, pictures that are not blank, and a truncated copy must
 * still play.
 */
class CapturePipelineTest {

    private static final long RECORDED_MILLIS = 4000;
    private static final long PATIENT_JOINS_MILLIS = 1000;

    @TempDir
    static Path directory;
    private static Path recording;
    private static ForkSimulator fork;
    private static CaptureStats stats;

    @BeforeAll
    static void recordAVisit() throws Exception {
        assumeTrue(MediaFixture.available(), "ffmpeg and ffprobe are not installed");
        recording = directory.resolve("visit.webm");
        ForkRecorder capture = ForkRecorder.start("test-visit", new InetSocketAddress("127.0.0.1", 0),
                FileWebmSink.create(recording), CaptureSettings.DEFAULTS);
        fork = new ForkSimulator().impair(0.01, 0.03, 0.01);
        fork.track("doctor", "audio", 0x1000_0001L, 111, "opus", CodedFrames.oggOpus(MediaFixture.opus()), 0, RECORDED_MILLIS,
                50_000, 0);
        fork.track("doctor", "video", 0x1000_0002L, 96, "VP8", CodedFrames.ivf(MediaFixture.vp8()), 0, RECORDED_MILLIS,
                50_000, 0);
        fork.track("patient", "audio", 0x2000_0001L, 111, "opus", CodedFrames.oggOpus(MediaFixture.opus()),
                PATIENT_JOINS_MILLIS, RECORDED_MILLIS, 3_600_000, 2500);
        fork.track("patient", "video", 0x2000_0002L, 98, "VP9", CodedFrames.ivf(MediaFixture.vp9()), PATIENT_JOINS_MILLIS,
                RECORDED_MILLIS, 3_600_000, PATIENT_JOINS_MILLIS);
        fork.play(capture.localAddress());
        Thread.sleep(200);
        capture.stop();
        stats = capture.stats();
        fork.close();
        System.out.println("captured: " + stats + "; the link dropped " + fork.dropped());
    }

    @Test
    void shouldWriteEveryParticipantsTracksIntoOneFileFfprobeReads() throws Exception {
        JsonNode probe = Probe.streams(recording);

        assertThat(Probe.codecs(probe)).containsExactlyInAnyOrder("vp8", "opus", "vp9", "opus");
        assertThat(probe.path("format").path("format_name").asText()).contains("webm");
        assertThat(probe.path("format").path("duration").asDouble()).isCloseTo(RECORDED_MILLIS / 1000.0,
                within(RECORDED_MILLIS / 1000.0 * 0.1));
        assertThat(stats.tracks()).isEqualTo(4);
        assertThat(stats.lost()).as("the link's losses were noticed").isPositive();
        assertThat(stats.duplicates()).isPositive();
    }

    @Test
    void shouldPutTheLateParticipantsTracksWhereTheyJoinedAndKeepEachParticipantsAudioWithItsVideo() throws Exception {
        JsonNode probe = Probe.streams(recording);
        for (JsonNode stream : probe.path("streams")) {
            String name = stream.path("tags").path("title").asText();
            double start = stream.path("start_time").asDouble();
            if (name.startsWith("patient")) {
                assertThat(start).as(name).isCloseTo(PATIENT_JOINS_MILLIS / 1000.0, within(0.15));
            } else {
                assertThat(start).as(name).isCloseTo(0.0, within(0.15));
            }
        }
    }

    @Test
    void shouldDecodeEveryVideoFrameOfTheRecordedTimeAndShowAPictureThatIsNotBlank() throws Exception {
        List<Double> doctor = Probe.decodedFrameTimes(recording, "v:0");
        List<Double> patient = Probe.decodedFrameTimes(recording, "v:1");

        assertThat(doctor.size()).as("the doctor's frames, a few lost").isGreaterThan((int) (0.85 * 4 * MediaFixture.FPS));
        assertThat(patient.size()).as("the patient's frames").isGreaterThan((int) (0.85 * 3 * MediaFixture.FPS));
        assertThat(Probe.decodedFrameTimes(recording, "a:0").size()).as("20 ms Opus frames").isGreaterThan(180);
        byte[] picture = Probe.grayFrame(recording, 2.0, MediaFixture.WIDTH, MediaFixture.HEIGHT);
        assertThat(picture).hasSize(MediaFixture.WIDTH * MediaFixture.HEIGHT);
        assertThat(Probe.variance(picture)).as("pixel variance of a test pattern").isGreaterThan(500);
    }

    @Test
    void shouldGiveEachTracksFramesIncreasingTimes() throws Exception {
        MediaFixture.Result packets = MediaFixture.run(List.of("ffprobe", "-v", "error", "-show_entries",
                "packet=stream_index,pts_time", "-of", "csv=p=0", recording.toString()));
        java.util.Map<String, Double> last = new java.util.HashMap<>();
        for (String line : new String(packets.stdout()).split("\n")) {
            String[] fields = line.strip().split(",");
            double time = Double.parseDouble(fields[1]);
            Double previous = last.put(fields[0], time);
            assertThat(previous == null || time > previous).as("stream %s at %s after %s", fields[0], time, previous).isTrue();
        }
        assertThat(last).hasSize(4);
    }

    @Test
    void shouldStillPlayACopyCutInTheMiddle() throws Exception {
        byte[] whole = Files.readAllBytes(recording);
        for (double fraction : new double[] {0.35, 0.6, 0.85}) {
            Path cut = directory.resolve("cut-" + fraction + ".webm");
            Files.write(cut, Arrays.copyOf(whole, (int) (whole.length * fraction)));

            JsonNode probe = Probe.streams(cut);
            assertThat(Probe.codecs(probe)).as("cut at %s", fraction).containsExactlyInAnyOrder("vp8", "opus", "vp9", "opus");
            List<Double> frames = Probe.decodedFrameTimes(cut, "v:0");
            assertThat(frames).as("cut at %s", fraction).isNotEmpty();
            assertThat(frames.get(frames.size() - 1)).as("cut at %s plays up to about where it was cut", fraction)
                    .isGreaterThan(RECORDED_MILLIS / 1000.0 * fraction * 0.6);
        }
    }
}
