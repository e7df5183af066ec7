package org.telehealth.recording.fork;

import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.telehealth.recording.capture.CaptureSettings;
import org.telehealth.recording.capture.ForkRecorder;
import org.telehealth.recording.fork.MediaControlException.Kind;
import org.telehealth.recording.session.CaptureConfig;
import org.telehealth.recording.session.CaptureException;
import org.telehealth.recording.session.CaptureSession;
import org.telehealth.recording.session.CaptureStarter;
import org.telehealth.recording.session.RecordingSink;

/**
 * The capture side as recording-service runs it: for each permitted recording a UDP socket of its
 * own ({@link CapturePorts}), a {@link ForkRecorder} muxing what arrives there into the recording's
 * encrypting sink, and media-service asked (with the service token) to fork the visit's media room
 * to that socket's advertised address. Stopping asks media-service to stop the fork, then finishes
 * the file. Every {@code recording.capture.fork-check-interval} each capture asks media-service
 * whether its fork is still there; one not confirmed for {@code fork-lost-after} (the room closed
 * under it, media-service restarted or unreachable) is reported failed, and recording-service keeps
 * what was captured.
 */
@Startup
@ApplicationScoped
public class ForkCaptureStarter implements CaptureStarter {

    private static final Logger LOG = Logger.getLogger(ForkCaptureStarter.class);

    private final MediaForkClient media;
    private final CapturePorts ports;
    private final URI defaultControlUrl;
    private final String advertisedHost;
    private final Duration lostAfter;
    private final Map<UUID, ForkCapture> running = new ConcurrentHashMap<>();

    public ForkCaptureStarter(MediaForkClient media, CapturePorts ports, CaptureConfig capture, MediaConfig config) {
        this.media = media;
        this.ports = ports;
        this.defaultControlUrl = config.defaultControlUrl();
        this.advertisedHost = capture.advertisedHost().filter(host -> !host.isBlank()).orElse(capture.bindAddress());
        this.lostAfter = capture.forkLostAfter();
        if (isWildcard(advertisedHost)) {
            throw new IllegalStateException("recording.capture.bind-address is " + capture.bindAddress() + ": set"
                    + " recording.capture.advertised-host to the address media-service is to send recorded media to");
        }
    }

    private static boolean isWildcard(String host) {
        try {
            return InetAddress.getByName(host).isAnyLocalAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    public CaptureSession start(UUID recordingId, UUID visitId, Optional<URI> mediaControlUrl, RecordingSink sink)
            throws CaptureException {
        URI control = mediaControlUrl.orElse(defaultControlUrl);
        DatagramSocket socket = ports.bind();
        int port = socket.getLocalPort();
        ForkRecorder recorder;
        try {
            recorder = ForkRecorder.start(recordingId.toString(), socket, new SinkWebmOutput(sink), CaptureSettings.DEFAULTS,
                    failure -> sink.captureFailed("writing the recording failed"));
        } catch (IOException | RuntimeException e) {
            throw new CaptureException("cannot start writing the recording: " + e.getMessage(), e);
        }
        try {
            fork(control, visitId, port);
        } catch (RuntimeException e) {
            try {
                recorder.stop();
            } catch (IOException ignored) {
                // the file is discarded
            }
            throw new CaptureException("media-service did not fork the visit's media: " + e.getMessage(), e);
        }
        ForkCapture capture = new ForkCapture(recordingId, visitId, control, recorder, sink);
        running.put(recordingId, capture);
        LOG.infof("recording %s: media-service at %s forks visit %s's media to %s:%d", recordingId, control.getAuthority(),
                visitId, advertisedHost, port);
        return capture;
    }

    private void fork(URI control, UUID visitId, int port) {
        try {
            media.startFork(control, visitId, advertisedHost, port);
        } catch (MediaControlException e) {
            if (e.kind() != Kind.CONFLICT) {
                throw e;
            }
            // a fork an earlier capture of the visit left (this service restarted while recording it): one recording of a
            // visit runs at a time, so that fork leads nowhere and is replaced
            LOG.infof("visit %s's media was still forked to an earlier capture; replacing that fork", visitId);
            media.stopFork(control, visitId);
            media.startFork(control, visitId, advertisedHost, port);
        }
    }

    @Scheduled(every = "${recording.capture.fork-check-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "recording-fork-check")
    void checkForks() {
        long now = System.nanoTime();
        for (ForkCapture capture : running.values()) {
            capture.check(now);
        }
    }

    /** One capture running: its fork, its recorder, and when media-service last confirmed the fork. */
    private final class ForkCapture implements CaptureSession {

        private final UUID recordingId;
        private final UUID visitId;
        private final URI control;
        private final ForkRecorder recorder;
        private final RecordingSink sink;
        private volatile long confirmedAt = System.nanoTime();
        private volatile boolean stopped;

        private ForkCapture(UUID recordingId, UUID visitId, URI control, ForkRecorder recorder, RecordingSink sink) {
            this.recordingId = recordingId;
            this.visitId = visitId;
            this.control = control;
            this.recorder = recorder;
            this.sink = sink;
        }

        @Override
        public synchronized void stop() {
            if (stopped) {
                return;
            }
            stopped = true;
            running.remove(recordingId);
            try {
                media.stopFork(control, visitId);
            } catch (MediaControlException e) {
                LOG.warnf("recording %s: the fork could not be stopped (%s); it ends with the media room", recordingId,
                        e.getMessage());
            }
            try {
                recorder.stop();
            } catch (IOException e) {
                LOG.warnf("recording %s: writing failed during the capture (%s); what was flushed is kept", recordingId,
                        e.getMessage());
            }
            LOG.infof("recording %s: capture stopped (%s)", recordingId, recorder.stats());
        }

        void check(long now) {
            if (stopped) {
                return;
            }
            try {
                if (media.forkRunning(control, visitId)) {
                    confirmedAt = now;
                }
            } catch (MediaControlException e) {
                LOG.debugf("recording %s: fork check failed (%s)", recordingId, e.getMessage());
            }
            if (!stopped && now - confirmedAt > lostAfter.toNanos()) {
                sink.captureFailed("media-service has not confirmed the fork for " + lostAfter.toSeconds() + " s");
            }
        }
    }
}
