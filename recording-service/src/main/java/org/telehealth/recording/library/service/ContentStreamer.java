package org.telehealth.recording.library.service;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import org.jboss.logging.Logger;
import org.telehealth.recording.encryption.ChunkIndex;
import org.telehealth.recording.encryption.MasterKeyRing;
import org.telehealth.recording.encryption.RecordingIntegrityException;
import org.telehealth.recording.encryption.RecordingReader;
import org.telehealth.recording.storage.RecordingStorage;

/**
 * Decrypts the range of a recording's video being played, one chunk at a time as it is written to
 * the client (never the whole file in memory; the writer blocks while the client is slow).
 * Opening checks the file against its record (header, length, last chunk) before the answer
 * starts; a chunk that fails later cuts the answer off, since its headers are gone by then, and is
 * logged and counted. Blocking: runs on worker threads.
 */
@ApplicationScoped
public class ContentStreamer {

    private static final Logger LOG = Logger.getLogger(ContentStreamer.class);

    private final RecordingStorage storage;
    private final MasterKeyRing keys;
    private final MeterRegistry metrics;

    public ContentStreamer(RecordingStorage storage, MasterKeyRing keys, MeterRegistry metrics) {
        this.storage = storage;
        this.keys = keys;
        this.metrics = metrics;
    }

    /** Opens the recording for {@code playback}; the result writes the range when the answer is sent. */
    public OpenedRange open(Playback playback) throws IOException {
        if (playback.range().servedLength() == 0) {
            return out -> { };
        }
        RecordingReader reader;
        try {
            reader = RecordingReader.open(storage.open(playback.storageKey()), playback.recordingId(), keys,
                    ChunkIndex.decode(playback.chunkIndex()));
        } catch (RecordingIntegrityException e) {
            integrityFailure(playback, e);
            throw e;
        }
        return out -> {
            try (RecordingReader.DecryptedRange range = reader.range(playback.range().first(), playback.range().last())) {
                for (byte[] slice = range.next(); slice != null; slice = range.next()) {
                    out.write(slice);
                }
            } catch (RecordingIntegrityException e) {
                integrityFailure(playback, e);
                throw e;
            }
        };
    }

    private void integrityFailure(Playback playback, RecordingIntegrityException e) {
        metrics.counter("recording.integrity.failures").increment();
        LOG.errorf("recording %s failed its integrity check: %s", playback.recordingId(), e.getMessage());
    }

    /** A range ready to be decrypted into the answer. */
    @FunctionalInterface
    public interface OpenedRange {
        void writeTo(OutputStream out) throws IOException;
    }
}
