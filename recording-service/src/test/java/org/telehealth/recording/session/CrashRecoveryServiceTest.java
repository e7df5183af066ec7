package org.telehealth.recording.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.telehealth.recording.testsupport.ApiCalls.perform;
import static org.telehealth.recording.testsupport.RecordingOutcomes.has;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telehealth.events.recording.RecordingCompleted;
import org.telehealth.events.recording.RecordingEvent;
import org.telehealth.events.recording.RecordingFailed;
import org.telehealth.infra.testing.KafkaTestResource;
import org.telehealth.infra.testing.PostgresTestResource;
import org.telehealth.infra.testing.TestTokens;
import org.telehealth.infra.testing.TokenIssuerTestResource;
import org.telehealth.recording.encryption.EncryptingOutputStream;
import org.telehealth.recording.encryption.MasterKeyRing;
import org.telehealth.recording.testsupport.Database;
import org.telehealth.recording.testsupport.RecordingFilesTestResource;
import org.telehealth.recording.testsupport.RecordingOutcomes;

/**
 * What this instance finds when it starts again after a crash: recordings the database says it was
 * capturing, with no capture running. Each is recovered from its spool file up to the last sealed
 * chunk, stored, reported partial, and plays; one whose file is gone fails; other instances'
 * recordings are left alone.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(TokenIssuerTestResource.class)
@WithTestResource(RecordingFilesTestResource.class)
class CrashRecoveryServiceTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    SpoolDirectory spool;

    @Inject
    MasterKeyRing keys;

    private final String doctor = "doctor." + UUID.randomUUID();
    private final UUID recording = UUID.randomUUID();
    private final UUID visit = UUID.randomUUID();
    private Database database;
    private RecordingOutcomes outcomes;

    @BeforeEach
    void setUp() {
        database = new Database(dataSource);
        outcomes = new RecordingOutcomes(bootstrap);
    }

    @AfterEach
    void tearDown() {
        outcomes.close();
    }

    @Test
    void shouldRecoverARecordingCutOffByACrashUpToItsLastSealedChunkAndReportItPartial() throws Exception {
        byte[] video = new byte[150_000];
        new SecureRandom().nextBytes(video);
        EncryptingOutputStream crashed = EncryptingOutputStream.create(spool.fileOf(recording), recording, keys.current(),
                new SecureRandom());
        crashed.write(video, 0, 50_000);
        crashed.flush();
        crashed.write(video, 50_000, 50_000);
        crashed.flush();
        crashed.write(video, 100_000, 50_000); // never flushed: lost with the crash
        crashed.abandon();

        runningHere(recording, "test-node");

        List<RecordingEvent> events = outcomes.await(recording, has(RecordingCompleted.class), WAIT);
        RecordingCompleted completed = (RecordingCompleted) events.get(0);
        assertThat(completed.partial()).isTrue();
        assertThat(completed.stopReason()).isEqualTo("recovered");
        assertThat(database.value("select media_bytes from recording where id = ?", recording)).isEqualTo(100_000L);
        assertThat(spool.fileOf(recording)).doesNotExist();
        byte[] played = perform(TestTokens.forUser(doctor, "doctor"), "GET /api/recordings/" + recording + "/content")
                .then().statusCode(200).extract().asByteArray();
        assertThat(played).isEqualTo(Arrays.copyOf(video, 100_000));
    }

    @Test
    void shouldFailARecordingWhoseSpoolFileIsGone() {
        runningHere(recording, "test-node");

        List<RecordingEvent> events = outcomes.await(recording, has(RecordingFailed.class), WAIT);
        assertThat(((RecordingFailed) events.get(0)).reason()).isEqualTo(RecordingFailed.CAPTURE_FAILED);
        assertThat(database.value("select status from recording where id = ?", recording)).isEqualTo("FAILED");
    }

    @Test
    void shouldLeaveTheRecordingsOfAnotherInstanceAlone() throws Exception {
        runningHere(recording, "another-node");

        Thread.sleep(3000);

        assertThat(database.value("select status from recording where id = ?", recording)).isEqualTo("RECORDING");
        database.update("update recording set status = 'FAILED', ended_at = now() where id = ?", recording);
    }

    private void runningHere(UUID id, String node) {
        Instant started = Instant.now().minusSeconds(60);
        database.update("insert into recording (id, visit_id, doctor_id, status, requested_at, capture_node, started_at, "
                + "master_key_id) values (?, ?, ?, 'RECORDING', ?, ?, ?, ?)", id, visit, TestTokens.subjectOf(doctor), started, node,
                started, keys.current().id());
        database.update("insert into recording_participant (recording_id, participant_id, role, account_id) values (?, ?, 'DOCTOR', ?)",
                id, TestTokens.subjectOf(doctor), TestTokens.subjectOf(doctor));
    }
}
