package org.telehealth.recording.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recorder's process is killed (SIGKILL) in the middle of a visit: the file it leaves must
 * play, with both tracks, up to shortly before the kill.
 */
class CaptureCrashTest {

    private static final long RECORDED_MILLIS = 4000;

    @TempDir
    Path directory;

    @Test
    void shouldLeaveAFileThatPlaysUpToTheCrashWhenTheRecorderIsKilled() throws Exception {
        assumeTrue(MediaFixture.available(), "ffmpeg and ffprobe are not installed");
        Path recording = directory.resolve("crashed.webm");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process recorder = new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                CaptureProcess.class.getName(), recording.toString()).redirectErrorStream(true).start();
        try (ForkSimulator fork = new ForkSimulator()) {
            BufferedReader output = new BufferedReader(new InputStreamReader(recorder.getInputStream(), StandardCharsets.UTF_8));
            String ready;
            do {
                ready = output.readLine();
            } while (ready != null && !ready.startsWith("READY "));
            assertThat(ready).as("the recorder started").isNotNull();
            int port = Integer.parseInt(ready.substring(6).strip());
            fork.track("doctor", "audio", 0x1000_0001L, 111, "opus", CodedFrames.oggOpus(MediaFixture.opus()), 0,
                    RECORDED_MILLIS, 50_000, 0);
            fork.track("doctor", "video", 0x1000_0002L, 96, "VP8", CodedFrames.ivf(MediaFixture.vp8()), 0, RECORDED_MILLIS,
                    50_000, 0);
            fork.play(new InetSocketAddress("127.0.0.1", port));
        } finally {
            recorder.destroyForcibly();
            assertThat(recorder.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(recorder.exitValue()).as("killed, not stopped").isNotZero();

        JsonNode probe = Probe.streams(recording);
        assertThat(Probe.codecs(probe)).containsExactlyInAnyOrder("vp8", "opus");
        List<Double> video = Probe.decodedFrameTimes(recording, "v:0");
        List<Double> audio = Probe.decodedFrameTimes(recording, "a:0");
        double lastVideo = video.get(video.size() - 1);
        System.out.println("the killed recorder's file plays " + video.size() + " video frames up to " + lastVideo
                + " s and " + audio.size() + " audio frames");
        assertThat(lastVideo).as("plays up to the last second before the kill (interleaving and the open cluster lose ~2 s)")
                .isGreaterThan(RECORDED_MILLIS / 1000.0 - 2.6);
        assertThat(video.size()).isGreaterThan((int) ((lastVideo - 0.2) * MediaFixture.FPS));
        assertThat(audio.get(audio.size() - 1)).isGreaterThan(RECORDED_MILLIS / 1000.0 - 2.6);
    }
}
