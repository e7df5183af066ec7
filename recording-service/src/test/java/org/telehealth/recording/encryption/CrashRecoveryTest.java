package org.telehealth.recording.encryption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.telehealth.recording.encryption.EncryptedRecordingRoundTripTest.read;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recording whose writer dies without closing it (a JVM killed with SIGKILL mid-recording) is
 * recovered up to its last sealed chunk, reported partial, and the video recovered plays.
 */
class CrashRecoveryTest {

    private static final int PIECE = 16 * 1024;

    @TempDir
    Path directory;

    private final byte[] masterBytes = TestKeys.randomBytes(32);
    private final MasterKey master = MasterKey.of(masterBytes);
    private final MasterKeyRing keys = TestKeys.ringOf(master);
    private final UUID recording = UUID.randomUUID();

    @Test
    void shouldRecoverWhatAKilledWriterFlushedAndTheRecoveredVideoPlays() throws Exception {
        assumeThat(Files.isExecutable(Path.of("/usr/bin/ffmpeg"))).as("ffmpeg is installed (.ci/run installs it)").isTrue();
        Path video = liveWebm();
        byte[] original = Files.readAllBytes(video);
        int flushedPieces = original.length / PIECE * 6 / 10;
        Path file = directory.resolve("recording.enc");

        long flushed = runAndKill(file, video, flushedPieces);

        RecordingVerifier.Verification recovered = RecordingVerifier.recover(file, recording, keys);
        assertThat(recovered.index().complete()).isFalse();
        assertThat(recovered.index().mediaLength()).isEqualTo(flushed).isEqualTo((long) flushedPieces * PIECE);
        assertThat(recovered.discardedBytes()).isZero();
        RecordingReader reader = RecordingReader.open(new FileSource(file), recording, keys, recovered.index());
        assertThat(reader.complete()).isFalse();
        byte[] partial = read(reader, 0, reader.mediaLength() - 1);
        assertThat(partial).isEqualTo(Arrays.copyOf(original, (int) flushed));

        Path played = directory.resolve("partial.webm");
        Files.write(played, partial);
        assertThat(decodedFrames(played)).isGreaterThan(decodedFrames(video) / 3);
    }

    @Test
    void shouldCutOffAChunkTornByTheCrashAndKeepTheWholeOnes() throws IOException {
        Path file = directory.resolve("torn.enc");
        EncryptingOutputStream out = EncryptingOutputStream.create(file, recording, master, TestKeys.RANDOM);
        byte[] video = TestKeys.randomBytes(3 * PIECE);
        for (int i = 0; i < 3; i++) {
            out.write(video, i * PIECE, PIECE);
            out.flush();
        }
        out.abandon();
        long whole = Files.size(file);
        // the crash tore the next chunk: its prefix and 100 of its 5016 bytes reached the disk
        Files.write(file, ByteBuffer.allocate(104).putInt(5016).put(TestKeys.randomBytes(100)).array(), StandardOpenOption.APPEND);

        RecordingVerifier.Verification recovered = RecordingVerifier.recover(file, recording, keys);

        assertThat(recovered.discardedBytes()).isEqualTo(104);
        assertThat(recovered.index().fileLength()).isEqualTo(whole);
        assertThat(recovered.index().mediaLength()).isEqualTo(video.length);
        assertThat(recovered.mediaSha256()).isEqualTo(sha256Hex(video));
    }

    @Test
    void shouldRecoverAnEmptyRecordingWhenTheWriterDiedBeforeItsFirstFlush() throws IOException {
        Path file = directory.resolve("empty.enc");
        EncryptingOutputStream out = EncryptingOutputStream.create(file, recording, master, TestKeys.RANDOM);
        out.write(TestKeys.randomBytes(1000));
        out.abandon();

        RecordingVerifier.Verification recovered = RecordingVerifier.recover(file, recording, keys);

        assertThat(recovered.index().count()).isZero();
        assertThat(recovered.index().mediaLength()).isZero();
    }

    private long runAndKill(Path file, Path video, int flushedPieces) throws Exception {
        Process child = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CrashingRecorder.class.getName(), file.toString(),
                Base64.getEncoder().encodeToString(masterBytes), recording.toString(), video.toString(),
                Integer.toString(PIECE), Integer.toString(flushedPieces)))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        long flushed = 0;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null && !line.equals("UNFLUSHED"); line = lines.readLine()) {
                flushed = Long.parseLong(line.substring("FLUSHED ".length()));
            }
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        return flushed;
    }

    /** A WebM as a live muxer writes it (no sizes, no index at the end): 8 s of VP8 test pattern. */
    private Path liveWebm() throws Exception {
        Path webm = directory.resolve("source.webm");
        run("ffmpeg", "-v", "error", "-f", "lavfi", "-i", "testsrc=size=320x240:rate=15", "-t", "8", "-c:v", "libvpx",
                "-b:v", "300k", "-deadline", "realtime", "-cpu-used", "8", "-g", "15", "-f", "webm", "-live", "1", webm.toString());
        return webm;
    }

    /** Frames ffprobe decodes; a cut-off file also makes it warn "File ended prematurely" on stderr, which is expected. */
    private static int decodedFrames(Path webm) throws Exception {
        String out = run("ffprobe", "-v", "error", "-count_frames", "-select_streams", "v:0", "-show_entries",
                "stream=nb_read_frames", "-of", "csv=p=0", webm.toString());
        return Integer.parseInt(out.strip());
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }

    private static String sha256Hex(byte[] bytes) {
        try {
            return EncryptedRecordingRoundTripTest.sha256Hex(bytes);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
