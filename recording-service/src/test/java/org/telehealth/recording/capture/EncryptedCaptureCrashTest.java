package org.telehealth.recording.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telehealth.recording.encryption.FileSource;
import org.telehealth.recording.encryption.MasterKey;
import org.telehealth.recording.encryption.MasterKeyRing;
import org.telehealth.recording.encryption.RecordingReader;
import org.telehealth.recording.encryption.RecordingVerifier;

/**
 * The recorder is killed (SIGKILL) mid-visit while it writes as recording-service does, into the
 * encrypted spool file, after a participant's camera joined late (so the WebM header was rewritten
 * as a new head): what the service's crash recovery keeps of the file decrypts to a WebM that plays
 * both tracks, the late camera from where it joined, up to shortly before the kill.
 */
class EncryptedCaptureCrashTest {

    private static final long RECORDED_MILLIS = 4000;
    private static final long CAMERA_JOINS_MILLIS = 1500;

    @TempDir
    Path directory;

    @Test
    void shouldRecoverAnEncryptedRecordingThatPlaysUpToTheCrashWithATrackThatJoinedLate() throws Exception {
        assumeTrue(MediaFixture.available(), "ffmpeg and ffprobe are not installed");
        byte[] keyBytes = new byte[32];
        new SecureRandom().nextBytes(keyBytes);
        MasterKey master = MasterKey.of(keyBytes);
        UUID recording = UUID.randomUUID();
        Path spool = directory.resolve(recording + ".webm.enc");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process recorder = new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                EncryptedCaptureProcess.class.getName(), spool.toString(), Base64.getEncoder().encodeToString(keyBytes),
                recording.toString()).redirectErrorStream(true).start();
        try (ForkSimulator fork = new ForkSimulator()) {
            BufferedReader output = new BufferedReader(new InputStreamReader(recorder.getInputStream(), StandardCharsets.UTF_8));
            String ready;
            do {
                ready = output.readLine();
            } while (ready != null && !ready.startsWith("READY "));
            assertThat(ready).as("the recorder started").isNotNull();
            int port = Integer.parseInt(ready.substring(6).strip());
            fork.track("patient", "audio", 0x1000_0001L, 111, "opus", CodedFrames.oggOpus(MediaFixture.opus()), 0,
                    RECORDED_MILLIS, 50_000, 0);
            fork.track("patient", "video", 0x1000_0002L, 96, "VP8", CodedFrames.ivf(MediaFixture.vp8()), CAMERA_JOINS_MILLIS,
                    RECORDED_MILLIS, 50_000, CAMERA_JOINS_MILLIS);
            fork.play(new InetSocketAddress("127.0.0.1", port));
        } finally {
            recorder.destroyForcibly();
            assertThat(recorder.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(recorder.exitValue()).as("killed, not stopped").isNotZero();

        // what CaptureSupervisor does with a spool file a crash left: keep the whole authentic chunks, cut the rest
        MasterKeyRing keys = new MasterKeyRing(master, List.of());
        RecordingVerifier.Verification recovered = RecordingVerifier.recover(spool, recording, keys);
        try (FileChannel file = FileChannel.open(spool, StandardOpenOption.WRITE)) {
            file.truncate(recovered.index().fileLength());
        }
        RecordingReader reader = RecordingReader.open(new FileSource(spool), recording, keys, recovered.index());
        assertThat(reader.complete()).isFalse();
        Path played = directory.resolve("recovered.webm");
        Files.write(played, decrypt(reader));

        JsonNode probe = Probe.streams(played);
        assertThat(Probe.codecs(probe)).containsExactlyInAnyOrder("vp8", "opus");
        List<Double> video = Probe.decodedFrameTimes(played, "v:0");
        List<Double> audio = Probe.decodedFrameTimes(played, "a:0");
        double lastVideo = video.get(video.size() - 1);
        System.out.println("the killed recorder's encrypted file plays " + video.size() + " video frames from " + video.get(0)
                + " s to " + lastVideo + " s and " + audio.size() + " audio frames");
        // where exactly the camera lands depends on when the busy recorder took the first packets (CapturePipelineTest
        // checks placement); here: it is in the file, declared by a head written after the microphone's, and starts later
        assertThat(video.get(0)).as("the camera starts after the microphone, where it joined").isGreaterThan(audio.get(0) + 0.3);
        assertThat(lastVideo).as("plays up to the last second before the kill (interleaving and the open cluster lose ~2 s)")
                .isGreaterThan(RECORDED_MILLIS / 1000.0 - 2.6);
        assertThat(audio.get(audio.size() - 1)).isGreaterThan(RECORDED_MILLIS / 1000.0 - 2.6);
    }

    private static byte[] decrypt(RecordingReader reader) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RecordingReader.DecryptedRange range = reader.range(0, reader.mediaLength() - 1)) {
            for (byte[] slice = range.next(); slice != null; slice = range.next()) {
                out.write(slice);
            }
        }
        return out.toByteArray();
    }
}
