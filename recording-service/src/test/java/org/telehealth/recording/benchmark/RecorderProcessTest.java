package org.telehealth.recording.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telehealth.recording.capture.CodedFrames;
import org.telehealth.recording.capture.MediaFixture;
import org.telehealth.recording.capture.TestPackets;
import org.telehealth.recording.encryption.MasterKey;
import org.telehealth.recording.encryption.MasterKeyRing;

/**
 * The benchmark's recorder JVM, driven as the benchmark drives it: two captures, a fork's microphone
 * sent to one of them for two seconds; the counters must say what each capture received, wrote and
 * cost, and once stopped both spool files must authenticate, the one with media decrypting to a
 * WebM that ffmpeg reads.
 */
class RecorderProcessTest {

    private static final long SSRC = 0x5000_0001L;

    @TempDir
    Path directory;

    @Test
    void shouldCaptureIntoEncryptedSpoolFilesAndCountWhatEachCaptureReceivedWroteAndCost() throws Exception {
        assumeTrue(MediaFixture.available(), "ffmpeg and ffprobe are not installed");
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Path spool = directory.resolve("spool");
        List<CodedFrames.Frame> microphone = CodedFrames.oggOpus(MediaFixture.opus());

        try (RecorderProcess recorder = RecorderProcess.start(List.of("-Xmx128m", "-XX:+UseSerialGC"), directory, key)) {
            List<Integer> ports = recorder.startCaptures(2, spool);
            assertThat(ports).hasSize(2).doesNotHaveDuplicates();
            int sent = sendMicrophone(microphone.subList(0, 100), ports.get(0));

            List<CaptureCounters> counters = recorder.counters();
            CaptureCounters fed = counters.stream().filter(c -> c.port() == ports.get(0)).findFirst().orElseThrow();
            CaptureCounters idle = counters.stream().filter(c -> c.port() == ports.get(1)).findFirst().orElseThrow();
            assertThat(fed.datagrams()).as("every packet and the description").isEqualTo(sent);
            assertThat(fed.framesWritten()).as("all but the last second, which the interleaver holds").isBetween(40L, 100L);
            assertThat(fed.tracksWritten()).isEqualTo(1);
            assertThat(fed.lost() + fed.late() + fed.failed()).isZero();
            assertThat(fed.cpuNanos()).as("the capture thread's CPU time").isPositive();
            assertThat(fed.fileBytes()).as("sealed chunks beyond the header").isGreaterThan(idle.fileBytes());
            assertThat(idle.datagrams()).isZero();
            assertThat(idle.framesWritten()).isZero();
            assertThat(recorder.liveHeapBytes()).isPositive();
            assertThat(recorder.stopCaptures()).isNotNegative();
        }

        SpoolFilesCheck check = SpoolFiles.checkAndDelete(spool, new MasterKeyRing(MasterKey.of(key), List.of()),
                directory.resolve("sample.webm"));
        assertThat(check.files()).isEqualTo(2);
        assertThat(check.verified()).isEqualTo(2);
        assertThat(check.sample()).startsWith("opus 100 frames").contains("ffmpeg decoded everything without a message");
    }

    /** The fork's way: the track's description first, then one RTP packet per 20 ms frame, in real time. */
    private static int sendMicrophone(List<CodedFrames.Frame> frames, int port) throws Exception {
        InetSocketAddress recorder = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        try (DatagramSocket fork = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            byte[] description = TestPackets.description(SSRC,
                    TestPackets.describe("patient", "audio", SSRC, 111, "opus", 48_000));
            fork.send(new DatagramPacket(description, description.length, recorder));
            long start = System.nanoTime();
            for (int i = 0; i < frames.size(); i++) {
                long wait = start + i * 20_000_000L - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                byte[] rtp = TestPackets.rtp(111, false, i, 960L * i, SSRC, frames.get(i).data());
                fork.send(new DatagramPacket(rtp, rtp.length, recorder));
            }
            Thread.sleep(100);
            return frames.size() + 1;
        }
    }
}
