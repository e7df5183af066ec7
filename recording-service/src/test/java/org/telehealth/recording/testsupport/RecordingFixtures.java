package org.telehealth.recording.testsupport;

import io.agroal.api.AgroalDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.telehealth.recording.encryption.EncryptingOutputStream;
import org.telehealth.recording.encryption.MasterKeyRing;
import org.telehealth.recording.encryption.RecordingVerifier;
import org.telehealth.recording.storage.RecordingStorage;

/**
 * Completed recordings made the way the service makes them (encrypted with the service's master
 * key, verified, put in its storage, recorded in its database), without going through consent:
 * for tests of the API and of retention.
 */
public final class RecordingFixtures {

    /** Bytes per flush of the fixture's writer, so that ranges cross chunk boundaries at known places. */
    public static final int FLUSH_EVERY = 30_000;

    private final Database database;
    private final RecordingStorage storage;
    private final MasterKeyRing keys;
    private final SecureRandom random = new SecureRandom();

    public RecordingFixtures(AgroalDataSource dataSource, RecordingStorage storage, MasterKeyRing keys) {
        this.database = new Database(dataSource);
        this.storage = storage;
        this.keys = keys;
    }

    /** A completed recording of {@code visit} by {@code doctorId} with patient {@code patientAccount}, holding {@code video}. */
    public UUID completed(UUID visit, String doctorId, String patientAccount, byte[] video, Instant endedAt) {
        UUID id = UUID.randomUUID();
        String key = id + ".webm.enc";
        try {
            Path file = Files.createTempFile(RecordingFilesTestResource.base(), "fixture-", ".enc");
            Files.delete(file);
            try (EncryptingOutputStream out = EncryptingOutputStream.create(file, id, keys.current(), random)) {
                for (int offset = 0; offset < video.length; offset += FLUSH_EVERY) {
                    out.write(video, offset, Math.min(FLUSH_EVERY, video.length - offset));
                    out.flush();
                }
            }
            RecordingVerifier.Verification verified = RecordingVerifier.verify(file, id, keys);
            storage.store(key, file);
            Files.delete(file);
            Instant startedAt = endedAt.minus(10, ChronoUnit.MINUTES);
            database.update("insert into recording (id, visit_id, doctor_id, status, requested_at, capture_node, started_at, "
                    + "ended_at, duration_ms, storage_key, size_bytes, sha256, master_key_id, media_bytes, media_sha256, "
                    + "chunk_index, stop_reason) values (?, ?, ?, 'COMPLETED', ?, 'fixture', ?, ?, 600000, ?, ?, ?, ?, ?, ?, ?, "
                    + "'doctor-stopped')", id, visit, doctorId, startedAt, startedAt, endedAt, key, verified.index().fileLength(),
                    verified.sha256(), verified.masterKeyId(), verified.index().mediaLength(), verified.mediaSha256(),
                    verified.index().encode());
            participant(id, doctorId, "DOCTOR", doctorId);
            participant(id, "patient-" + id, "PATIENT", patientAccount);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A recording of {@code visit} still waiting for consent (no content). */
    public UUID awaitingConsent(UUID visit, String doctorId, String patientAccount) {
        UUID id = UUID.randomUUID();
        database.update("insert into recording (id, visit_id, doctor_id, status, requested_at) values (?, ?, ?, 'AWAITING_CONSENT', ?)",
                id, visit, doctorId, Instant.now());
        participant(id, doctorId, "DOCTOR", doctorId);
        participant(id, "patient-" + id, "PATIENT", patientAccount);
        return id;
    }

    /** The stored file of a recording. */
    public Path storedFile(UUID id) {
        return RecordingFilesTestResource.files().resolve(id + ".webm.enc");
    }

    public byte[] randomVideo(int length) {
        byte[] video = new byte[length];
        random.nextBytes(video);
        return video;
    }

    private void participant(UUID recording, String participant, String role, String account) {
        database.update("insert into recording_participant (recording_id, participant_id, role, account_id) values (?, ?, ?, ?)",
                recording, participant, role, account);
    }
}
