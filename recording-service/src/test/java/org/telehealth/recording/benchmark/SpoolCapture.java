package org.telehealth.recording.benchmark;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.telehealth.recording.capture.CaptureSettings;
import org.telehealth.recording.capture.CaptureStats;
import org.telehealth.recording.capture.ForkRecorder;
import org.telehealth.recording.encryption.EncryptingOutputStream;
import org.telehealth.recording.encryption.MasterKey;
import org.telehealth.recording.fork.SinkWebmOutput;
import org.telehealth.recording.session.RecordingSink;

/**
 * One recording captured the way recording-service captures it ({@code ForkCaptureStarter} and
 * {@code CaptureSupervisor}, without the database and the calls to media-service): a UDP socket of
 * its own on loopback, a {@link ForkRecorder} with the service's settings muxing what the fork sends
 * into WebM, through {@link SinkWebmOutput} into an {@link EncryptingOutputStream} spool file
 * (format v2, the recording's own data key wrapped by the master key, a chunk sealed and forced to
 * disk at every cluster); stopping finishes the WebM and seals the final chunk.
 */
final class SpoolCapture {

    private final UUID id;
    private final Path file;
    private final DatagramSocket socket;
    private final ForkRecorder recorder;
    private final EncryptingOutputStream out;
    private final AtomicBoolean failed;

    private SpoolCapture(UUID id, Path file, DatagramSocket socket, ForkRecorder recorder, EncryptingOutputStream out,
            AtomicBoolean failed) {
        this.id = id;
        this.file = file;
        this.socket = socket;
        this.recorder = recorder;
        this.out = out;
        this.failed = failed;
    }

    /** Opens a socket on loopback and a spool file {@code <id>.webm.enc} in {@code directory}, and starts receiving. */
    static SpoolCapture start(Path directory, MasterKey key, SecureRandom random) throws IOException {
        UUID id = UUID.randomUUID();
        Path file = directory.resolve(id + ".webm.enc");
        EncryptingOutputStream out = EncryptingOutputStream.create(file, id, key, random);
        AtomicBoolean failed = new AtomicBoolean();
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        ForkRecorder recorder = ForkRecorder.start(id.toString(), socket, new SinkWebmOutput(new SpoolSink(out, failed)),
                CaptureSettings.DEFAULTS, failure -> failed.set(true));
        return new SpoolCapture(id, file, socket, recorder, out, failed);
    }

    int port() {
        return socket.getLocalPort();
    }

    /** The name of the thread that receives and writes this capture (ForkRecorder's). */
    String threadName() {
        return "recording-capture-" + id;
    }

    /** What the capture counted so far; {@code cpuNanos} is its thread's CPU time, which the caller knows. */
    CaptureCounters counters(long cpuNanos) throws IOException {
        CaptureStats stats = recorder.stats();
        return new CaptureCounters(port(), stats.datagrams(), stats.framesWritten(), stats.lost(), stats.late(),
                stats.duplicates(), stats.undescribed(), stats.framesBeforeKeyframe(), stats.tracksWritten(),
                Files.size(file), cpuNanos, failed.get() ? 1 : 0);
    }

    /** Finishes the recording: the WebM's last cluster, cues and duration, then the final encrypted chunk. */
    void stop() throws IOException {
        try {
            recorder.stop();
        } finally {
            out.close();
        }
    }

    /** The service's sink as the capture side sees it (session.EncryptedRecordingSink), onto the spool file. */
    private static final class SpoolSink extends RecordingSink {

        private final EncryptingOutputStream out;
        private final AtomicBoolean failed;

        SpoolSink(EncryptingOutputStream out, AtomicBoolean failed) {
            this.out = out;
            this.failed = failed;
        }

        @Override
        public void writeHead(byte[] head) throws IOException {
            out.writeHead(head);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() {
            // the capture's owner closes the stream once the recorder stopped
        }

        @Override
        public void captureFailed(String reason) {
            failed.set(true);
        }
    }
}
