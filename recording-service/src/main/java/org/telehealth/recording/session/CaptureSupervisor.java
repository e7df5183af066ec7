package org.telehealth.recording.session;

import static org.telehealth.recording.persistence.BlockingTransactions.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.telehealth.recording.consent.CapturePermit;
import org.telehealth.recording.encryption.EncryptingOutputStream;
import org.telehealth.recording.encryption.MasterKeyRing;
import org.telehealth.recording.encryption.RecordingVerifier;
import org.telehealth.recording.lifecycle.repository.Recording;
import org.telehealth.recording.lifecycle.service.RecordingLifecycle;
import org.telehealth.recording.storage.RecordingStorage;

/**
 * Runs this instance's captures from start to stored file. Starting takes a {@link CapturePermit}
 * (so only the consent gate can cause it): a spool file is created with a new data key, the capture
 * side starts writing into it, and the start is reported. Finishing stops the capture side, closes
 * the file (its final chunk), verifies it end to end, stores it, records what was stored, and only
 * then deletes the spool file, so a crash at any step leaves something to finish.
 *
 * <p>Every second it also looks at the recordings the database says this instance is capturing:
 * a stop requested through another instance (its Kafka partition moved) is carried out here, and a
 * recording with no capture running here is one a crash cut off: it is recovered from its spool
 * file up to the last whole chunk and stored as partial. One thread at a time works on a recording.
 */
@ApplicationScoped
public class CaptureSupervisor {

    private static final Logger LOG = Logger.getLogger(CaptureSupervisor.class);
    static final String REASON_RECOVERED = "recovered";
    static final String REASON_CAPTURE_FAILED = "capture-failed";
    static final String REASON_SERVICE_STOPPED = "service-stopped";

    private final CaptureStarter starter;
    private final RecordingLifecycle lifecycle;
    private final SpoolDirectory spool;
    private final RecordingStorage storage;
    private final MasterKeyRing keys;
    private final CaptureConfig config;
    private final MeterRegistry metrics;
    private final SecureRandom random = new SecureRandom();
    private final Map<UUID, Live> live = new ConcurrentHashMap<>();
    private final Set<UUID> busy = ConcurrentHashMap.newKeySet();
    private final Map<UUID, Instant> retryAfter = new ConcurrentHashMap<>();

    public CaptureSupervisor(CaptureStarter starter, RecordingLifecycle lifecycle, SpoolDirectory spool,
            RecordingStorage storage, MasterKeyRing keys, CaptureConfig config, MeterRegistry metrics) {
        this.starter = starter;
        this.lifecycle = lifecycle;
        this.spool = spool;
        this.storage = storage;
        this.keys = keys;
        this.config = config;
        this.metrics = metrics;
    }

    /** Runs {@code work} as the only thread working on recording {@code recordingId}, waiting for its turn. */
    public <T> T holding(UUID recordingId, Supplier<T> work) {
        while (!busy.add(recordingId)) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting to work on recording " + recordingId, e);
            }
        }
        try {
            return work.get();
        } finally {
            busy.remove(recordingId);
        }
    }

    /**
     * Starts capturing the permitted recording here. Call while {@link #holding} it, right after the
     * consent gate permitted it.
     *
     * @param mediaControlUrl where the visit's media room is, as the request said (null: not said)
     */
    public void start(CapturePermit permit, String mediaControlUrl) {
        UUID id = permit.recordingId();
        Path file = spool.fileOf(id);
        EncryptingOutputStream out;
        try {
            out = EncryptingOutputStream.create(file, id, keys.current(), random);
        } catch (IOException e) {
            LOG.errorf("recording %s failed: cannot create its spool file (%s)", id, e.getMessage());
            fail(id, file);
            return;
        }
        EncryptedRecordingSink sink = new EncryptedRecordingSink(out, reason -> captureFailed(id, reason));
        CaptureSession session;
        try {
            session = starter.start(id, permit.visitId(), Optional.ofNullable(mediaControlUrl).map(URI::create), sink);
        } catch (CaptureException | RuntimeException e) {
            LOG.errorf("recording %s failed: capture did not start (%s)", id, e.getMessage());
            abandon(out);
            fail(id, file);
            return;
        }
        live.put(id, new Live(out, session));
        count("started");
        LOG.infof("recording %s of visit %s started: every participant consented", id, permit.visitId());
        reportStarted(id);
    }

    /** Records the start and its event; when the database is away, {@link #supervise()} tries again. */
    private void reportStarted(UUID id) {
        try {
            await(() -> lifecycle.captureStarted(id, keys.current().id(), SpoolDirectory.storageKeyOf(id)));
        } catch (RuntimeException e) {
            LOG.warnf("recording %s: its start could not be recorded yet (%s); retrying", id, e.getClass().getSimpleName());
        }
    }

    /** Stops and stores recording {@code recordingId} if it is captured here; another instance's stops are found by {@link #supervise()}. */
    public void stop(UUID recordingId) {
        holding(recordingId, () -> {
            Live capture = live.remove(recordingId);
            if (capture != null) {
                finish(recordingId, capture, null, false);
            }
            return null;
        });
    }

    @Scheduled(every = "${recording.capture.supervise-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "recording-capture-supervisor")
    void supervise() {
        List<Recording> running;
        try {
            running = await(lifecycle::runningHere);
        } catch (RuntimeException e) {
            LOG.debugf("capture supervisor: database unavailable (%s)", e.getClass().getSimpleName());
            return;
        }
        for (Recording recording : running) {
            if (!busy.add(recording.id)) {
                continue;
            }
            try {
                Live capture = live.get(recording.id);
                if (capture != null && recording.masterKeyId == null) {
                    reportStarted(recording.id);
                }
                if (capture != null && recording.stopRequestedAt != null) {
                    live.remove(recording.id);
                    finish(recording.id, capture, null, false);
                } else if (capture == null && retryAfter.getOrDefault(recording.id, Instant.MIN).isBefore(Instant.now())) {
                    LOG.infof("recording %s has no capture running here (the service restarted, or storing it failed): "
                            + "recovering it from its spool file", recording.id);
                    store(recording.id, REASON_RECOVERED, recording.stopRequestedAt == null);
                }
            } catch (RuntimeException e) {
                LOG.errorf("capture supervisor: recording %s: %s", recording.id, e.getClass().getSimpleName());
            } finally {
                busy.remove(recording.id);
            }
        }
    }

    /** Graceful shutdown: captures end here, sealed and stored as partial (capture cannot go on without this instance). */
    void onShutdown(@Observes ShutdownEvent event) {
        for (UUID id : List.copyOf(live.keySet())) {
            try {
                holding(id, () -> {
                    Live capture = live.remove(id);
                    if (capture != null) {
                        finish(id, capture, REASON_SERVICE_STOPPED, true);
                    }
                    return null;
                });
            } catch (RuntimeException e) {
                LOG.warnf("recording %s could not be finished at shutdown (%s); it is recovered at the next start", id,
                        e.getClass().getSimpleName());
            }
        }
    }

    private void captureFailed(UUID id, String reason) {
        LOG.warnf("recording %s: the capture side reported a failure (%s); keeping what was written", id, reason);
        Infrastructure.getDefaultWorkerPool().execute(() -> holding(id, () -> {
            Live capture = live.remove(id);
            if (capture != null) {
                finish(id, capture, REASON_CAPTURE_FAILED, true);
            }
            return null;
        }));
    }

    private void finish(UUID id, Live capture, String reason, boolean cutShort) {
        try {
            capture.session().stop();
        } catch (RuntimeException e) {
            LOG.warnf("recording %s: the capture side failed to stop cleanly (%s)", id, e.getClass().getSimpleName());
        }
        try {
            capture.out().close();
        } catch (IOException e) {
            LOG.errorf("recording %s: closing its file failed (%s); it is recovered as partial", id, e.getMessage());
            abandon(capture.out());
        }
        store(id, reason, cutShort);
    }

    /** Verifies, stores and records the spool file of {@code id}; on a storage failure it stays for a later try. */
    private void store(UUID id, String reason, boolean cutShort) {
        Path file = spool.fileOf(id);
        String key = SpoolDirectory.storageKeyOf(id);
        try {
            if (!Files.exists(file)) {
                LOG.errorf("recording %s failed: its spool file is missing", id);
                fail(id, file);
                return;
            }
            RecordingVerifier.Verification verified = RecordingVerifier.recover(file, id, keys);
            if (verified.discardedBytes() > 0) {
                LOG.warnf("recording %s: cut off %d bytes after its last whole chunk", id, verified.discardedBytes());
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    channel.truncate(verified.index().fileLength());
                    channel.force(true);
                }
            }
            if (cutShort && verified.index().mediaLength() == verified.index().headLength()) {
                LOG.warnf("recording %s failed: nothing was captured before it was cut off", id);
                fail(id, file);
                return;
            }
            storage.store(key, file);
            await(() -> lifecycle.completed(id, key, verified, verified.index().fileLength(), reason, cutShort));
            Files.deleteIfExists(file);
            retryAfter.remove(id);
            count(cutShort || !verified.index().complete() ? "completed-partial" : "completed");
            LOG.infof("recording %s stored (%d bytes%s)", id, verified.index().fileLength(),
                    verified.index().complete() && !cutShort ? "" : ", partial");
        } catch (IOException e) {
            retryAfter.put(id, Instant.now().plus(config.storeRetryInterval()));
            count("store-failed");
            LOG.errorf("recording %s could not be stored (%s); its spool file is kept and storing is retried in %s", id,
                    e.getMessage(), config.storeRetryInterval());
        }
    }

    private void fail(UUID id, Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf("recording %s: its spool file could not be deleted (%s)", id, e.getMessage());
        }
        await(() -> lifecycle.captureFailed(id));
        count("failed");
    }

    private static void abandon(EncryptingOutputStream out) {
        try {
            out.abandon();
        } catch (IOException ignored) {
            // the file is discarded or recovered anyway
        }
    }

    private void count(String outcome) {
        metrics.counter("recording.captures", "outcome", outcome).increment();
    }

    private record Live(EncryptingOutputStream out, CaptureSession session) {
    }
}
