package org.telehealth.recording.testsupport;

import io.quarkus.arc.properties.UnlessBuildProperty;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.telehealth.recording.session.CaptureException;
import org.telehealth.recording.session.CaptureSession;
import org.telehealth.recording.session.CaptureStarter;
import org.telehealth.recording.session.RecordingSink;

/**
 * The capture side as the tests need it: writes a known video (see {@link #videoOf}) into the sink,
 * half when started and half when stopped, flushing like a muxer; remembers every start and stop
 * and where it was told the visit's media room is; can be told to refuse to start or to report a
 * failure. Stands in for the real capture side in every test but those whose profile sets
 * {@code recording.test.real-capture=true} (ForkRecordingIT: a real call through the real media-service).
 */
@Alternative
@Priority(1)
@ApplicationScoped
@UnlessBuildProperty(name = "recording.test.real-capture", stringValue = "true", enableIfMissing = true)
public class FakeCaptureStarter implements CaptureStarter {

    /** Bytes written at start and again at stop. */
    public static final int HALF = 100_000;

    private final List<UUID> started = new CopyOnWriteArrayList<>();
    private final List<UUID> stopped = new CopyOnWriteArrayList<>();
    private final Set<UUID> refuse = ConcurrentHashMap.newKeySet();
    private final Map<UUID, RecordingSink> sinks = new ConcurrentHashMap<>();
    private final Map<UUID, Optional<URI>> mediaControlUrls = new ConcurrentHashMap<>();

    @Override
    public CaptureSession start(UUID recordingId, UUID visitId, Optional<URI> mediaControlUrl, RecordingSink sink)
            throws CaptureException {
        if (refuse.contains(recordingId)) {
            throw new CaptureException("the test refused to start " + recordingId);
        }
        mediaControlUrls.put(recordingId, mediaControlUrl);
        started.add(recordingId);
        sinks.put(recordingId, sink);
        byte[] video = videoOf(recordingId);
        write(sink, video, 0, HALF);
        return () -> {
            write(sink, video, HALF, HALF);
            stopped.add(recordingId);
        };
    }

    /** The 2 x {@link #HALF} bytes the fake "captures" for a recording. */
    public static byte[] videoOf(UUID recordingId) {
        ByteBuffer video = ByteBuffer.allocate(2 * HALF);
        long seed = recordingId.getLeastSignificantBits();
        while (video.remaining() >= 8) {
            seed = seed * 6364136223846793005L + 1442695040888963407L;
            video.putLong(seed);
        }
        return video.array();
    }

    public boolean wasStarted(UUID recordingId) {
        return started.contains(recordingId);
    }

    /** Where the capture of {@code recordingId} was told the visit's media room is (null: not started). */
    public Optional<URI> mediaControlUrlOf(UUID recordingId) {
        return mediaControlUrls.get(recordingId);
    }

    public boolean wasStopped(UUID recordingId) {
        return stopped.contains(recordingId);
    }

    public void refuseToStart(UUID recordingId) {
        refuse.add(recordingId);
    }

    /** Reports a capture failure for a running recording, as the capture side would. */
    public void failCapture(UUID recordingId, String reason) {
        sinks.get(recordingId).captureFailed(reason);
    }

    private static void write(RecordingSink sink, byte[] video, int offset, int length) {
        try {
            for (int written = 0; written < length; written += 25_000) {
                sink.write(video, offset + written, Math.min(25_000, length - written));
                sink.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
