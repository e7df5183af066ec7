package org.telehealth.recording.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.telehealth.infra.testing.Eventually.eventually;
import static org.telehealth.recording.testsupport.RecordingOutcomes.has;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telehealth.events.EventEnvelope;
import org.telehealth.events.recording.ConsentDecision;
import org.telehealth.events.recording.ExpectedParticipant;
import org.telehealth.events.recording.RecordingCompleted;
import org.telehealth.events.recording.RecordingEvent;
import org.telehealth.events.recording.RecordingFailed;
import org.telehealth.events.recording.RecordingStarted;
import org.telehealth.events.recording.RecordingStopRequested;
import org.telehealth.events.visit.ParticipantRole;
import org.telehealth.infra.testing.KafkaTestResource;
import org.telehealth.infra.testing.PostgresTestResource;
import org.telehealth.infra.testing.TokenIssuerTestResource;
import org.telehealth.recording.encryption.FileSource;
import org.telehealth.recording.encryption.MasterKeyRing;
import org.telehealth.recording.encryption.RecordingReader;
import org.telehealth.recording.testsupport.Database;
import org.telehealth.recording.testsupport.FakeCaptureStarter;
import org.telehealth.recording.testsupport.RecordingFilesTestResource;
import org.telehealth.recording.testsupport.RecordingOutcomes;
import org.telehealth.recording.testsupport.Signaling;

/**
 * The consent flow end to end through a real broker and database, with signaling's events produced
 * as signaling will and the outcomes read back as signaling will: nothing is captured until every
 * participant accepted, a decline refuses or stops the recording, the visit's end stops it, and a
 * finished recording is stored encrypted with its size and checksum.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(TokenIssuerTestResource.class)
@WithTestResource(RecordingFilesTestResource.class)
class ConsentFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    FakeCaptureStarter capture;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MasterKeyRing keys;

    private final UUID recording = UUID.randomUUID();
    private final UUID visit = UUID.randomUUID();
    private final String doctor = "doctor-" + UUID.randomUUID();
    private final String patient = UUID.randomUUID().toString();
    private final String guest = "guest-" + UUID.randomUUID();
    private final List<ExpectedParticipant> everyone = List.of(
            new ExpectedParticipant(doctor, ParticipantRole.DOCTOR, doctor),
            new ExpectedParticipant(patient, ParticipantRole.PATIENT, "account-of-" + patient),
            new ExpectedParticipant(guest, ParticipantRole.GUEST, null));
    private Signaling signaling;
    private RecordingOutcomes outcomes;
    private Database database;

    @BeforeEach
    void connect() {
        signaling = new Signaling(bootstrap);
        outcomes = new RecordingOutcomes(bootstrap);
        database = new Database(dataSource);
    }

    @AfterEach
    void disconnect() {
        signaling.close();
        outcomes.close();
    }

    @Test
    void shouldCaptureNothingUntilEveryParticipantAcceptedThenStoreTheRecordingEncrypted() throws Exception {
        signaling.request(recording, visit, doctor, everyone);
        signaling.consent(recording, visit, doctor, ParticipantRole.DOCTOR, ConsentDecision.ACCEPTED);
        signaling.consent(recording, visit, patient, ParticipantRole.PATIENT, ConsentDecision.ACCEPTED);
        eventually(WAIT, () -> assertThat(decisions()).isEqualTo(2));

        outcomes.readFor(Duration.ofSeconds(2));
        assertThat(capture.wasStarted(recording)).isFalse();
        assertThat(status()).isEqualTo("AWAITING_CONSENT");
        assertThat(outcomes.of(recording)).isEmpty();

        signaling.consent(recording, visit, guest, ParticipantRole.GUEST, ConsentDecision.ACCEPTED);
        outcomes.await(recording, has(RecordingStarted.class), WAIT);
        assertThat(capture.wasStarted(recording)).isTrue();
        assertThat(capture.mediaControlUrlOf(recording)).as("the request named no media instance: the default").isEmpty();
        assertThat(status()).isEqualTo("RECORDING");
        assertThat(outcomes.keyOf(recording)).isEqualTo(visit.toString());

        signaling.stop(recording, visit, doctor, RecordingStopRequested.DOCTOR_STOPPED);
        RecordingCompleted completed = completedEvent();
        Path stored = RecordingFilesTestResource.files().resolve(recording + ".webm.enc");
        byte[] file = Files.readAllBytes(stored);
        assertThat(completed.sizeBytes()).isEqualTo(file.length);
        assertThat(completed.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file)));
        assertThat(completed.partial()).isFalse();
        assertThat(completed.stopReason()).isEqualTo(RecordingStopRequested.DOCTOR_STOPPED);
        assertThat(completed.durationMillis()).isGreaterThanOrEqualTo(0);
        assertThat(capture.wasStopped(recording)).isTrue();
        assertThat(decrypt(stored)).isEqualTo(FakeCaptureStarter.videoOf(recording));
        assertThat(RecordingFilesTestResource.spool().resolve(recording + ".webm.enc")).doesNotExist();
        Map<String, Object> row = database.rows("select status, size_bytes, sha256, media_bytes, partial, master_key_id "
                + "from recording where id = ?", recording).get(0);
        assertThat(row).containsEntry("status", "COMPLETED").containsEntry("size_bytes", (long) file.length)
                .containsEntry("sha256", completed.sha256()).containsEntry("media_bytes", (long) 2 * FakeCaptureStarter.HALF)
                .containsEntry("partial", false).containsEntry("master_key_id", keys.current().id());
    }

    @Test
    void shouldStoreEveryConsentDecisionWithWhoWhenWhatAndTheWordingShown() {
        signaling.request(recording, visit, doctor, everyone);
        signaling.consent(recording, visit, doctor, ParticipantRole.DOCTOR, ConsentDecision.ACCEPTED);
        signaling.consent(recording, visit, guest, ParticipantRole.GUEST, ConsentDecision.DECLINED);
        eventually(WAIT, () -> assertThat(decisions()).isEqualTo(2));

        List<Map<String, Object>> rows = database.rows("select participant_id, role, decision, decided_at, consent_text_version "
                + "from consent_decision where recording_id = ? order by id", recording);
        assertThat(rows).extracting(r -> r.get("participant_id")).containsExactly(doctor, guest);
        assertThat(rows).extracting(r -> r.get("role")).containsExactly("DOCTOR", "GUEST");
        assertThat(rows).extracting(r -> r.get("decision")).containsExactly("ACCEPTED", "DECLINED");
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.get("decided_at")).isNotNull();
            assertThat(r.get("consent_text_version")).isEqualTo(Signaling.CONSENT_TEXT);
        });
    }

    @Test
    void shouldRefuseTheRecordingWhenAnyoneDeclinesAndNeverStartItAfterwards() {
        signaling.request(recording, visit, doctor, everyone);
        signaling.consent(recording, visit, doctor, ParticipantRole.DOCTOR, ConsentDecision.ACCEPTED);
        signaling.consent(recording, visit, patient, ParticipantRole.PATIENT, ConsentDecision.DECLINED);

        List<RecordingEvent> events = outcomes.await(recording, has(RecordingFailed.class), WAIT);
        assertThat(events).containsExactly(new RecordingFailed(recording, visit, RecordingFailed.DECLINED,
                ((RecordingFailed) events.get(0)).at()));
        assertThat(status()).isEqualTo("DECLINED");

        signaling.consent(recording, visit, patient, ParticipantRole.PATIENT, ConsentDecision.ACCEPTED);
        signaling.consent(recording, visit, guest, ParticipantRole.GUEST, ConsentDecision.ACCEPTED);
        eventually(WAIT, () -> assertThat(decisions()).isEqualTo(4));
        outcomes.readFor(Duration.ofSeconds(2));
        assertThat(capture.wasStarted(recording)).isFalse();
        assertThat(status()).isEqualTo("DECLINED");
        assertThat(outcomes.of(recording)).hasSize(1);
    }

    @Test
    void shouldStopARunningRecordingWhenAParticipantWithdrawsConsent() {
        startWithEveryonesConsent();

        signaling.consent(recording, visit, guest, ParticipantRole.GUEST, ConsentDecision.DECLINED);

        RecordingCompleted completed = completedEvent();
        assertThat(completed.stopReason()).isEqualTo(RecordingStopRequested.DECLINED);
        assertThat(capture.wasStopped(recording)).isTrue();
        assertThat(status()).isEqualTo("COMPLETED");
    }

    @Test
    void shouldDropARequestWaitingForConsentWhenSignalingStopsIt() {
        signaling.request(recording, visit, doctor, everyone);
        signaling.stop(recording, visit, guest, RecordingStopRequested.PARTICIPANT_LEFT);

        List<RecordingEvent> events = outcomes.await(recording, has(RecordingFailed.class), WAIT);
        assertThat(((RecordingFailed) events.get(0)).reason()).isEqualTo(RecordingFailed.CANCELLED);
        assertThat(status()).isEqualTo("CANCELLED");
        assertThat(capture.wasStarted(recording)).isFalse();
    }

    @Test
    void shouldStopAndFinaliseTheRecordingWhenTheVisitEndsAndRefuseLaterRequests() {
        startWithEveryonesConsent();

        signaling.visitEnded(visit, doctor);

        assertThat(completedEvent().stopReason()).isEqualTo("visit-ended");
        UUID late = UUID.randomUUID();
        signaling.request(late, visit, doctor, everyone);
        List<RecordingEvent> events = outcomes.await(late, has(RecordingFailed.class), WAIT);
        assertThat(((RecordingFailed) events.get(0)).reason()).isEqualTo(RecordingFailed.VISIT_ENDED);
    }

    @Test
    void shouldIgnoreDecisionsOfPeopleTheRequestDidNotName() {
        signaling.request(recording, visit, doctor, everyone.subList(0, 2));
        signaling.consent(recording, visit, "intruder", ParticipantRole.GUEST, ConsentDecision.ACCEPTED);
        signaling.consent(recording, visit, doctor, ParticipantRole.DOCTOR, ConsentDecision.ACCEPTED);
        eventually(WAIT, () -> assertThat(decisions()).isEqualTo(1));
        outcomes.readFor(Duration.ofSeconds(1));
        assertThat(capture.wasStarted(recording)).isFalse();

        signaling.consent(recording, visit, patient, ParticipantRole.PATIENT, ConsentDecision.ACCEPTED);

        outcomes.await(recording, has(RecordingStarted.class), WAIT);
        signaling.stop(recording, visit, doctor, RecordingStopRequested.DOCTOR_STOPPED);
        completedEvent();
    }

    @Test
    void shouldApplyARedeliveredDecisionOnlyOnce() {
        signaling.request(recording, visit, doctor, everyone);
        EventEnvelope<?> accepted = signaling.consent(recording, visit, doctor, ParticipantRole.DOCTOR, ConsentDecision.ACCEPTED);
        signaling.resend(visit, accepted);
        signaling.consent(recording, visit, patient, ParticipantRole.PATIENT, ConsentDecision.ACCEPTED);

        eventually(WAIT, () -> assertThat(decisions()).isEqualTo(2));
        outcomes.readFor(Duration.ofSeconds(1));
        assertThat(decisions()).isEqualTo(2);
    }

    @Test
    void shouldFailTheRecordingWhenCaptureCannotStart() {
        capture.refuseToStart(recording);

        signaling.request(recording, visit, doctor, everyone);
        everyoneAccepts();

        List<RecordingEvent> events = outcomes.await(recording, has(RecordingFailed.class), WAIT);
        assertThat(((RecordingFailed) events.get(events.size() - 1)).reason()).isEqualTo(RecordingFailed.CAPTURE_FAILED);
        assertThat(status()).isEqualTo("FAILED");
        assertThat(RecordingFilesTestResource.spool().resolve(recording + ".webm.enc")).doesNotExist();
    }

    @Test
    void shouldKeepWhatWasCapturedWhenTheCaptureSideFails() {
        startWithEveryonesConsent();

        capture.failCapture(recording, "no media for 30 s");

        RecordingCompleted completed = completedEvent();
        assertThat(completed.partial()).isTrue();
        assertThat(completed.stopReason()).isEqualTo("capture-failed");
        assertThat(completed.sizeBytes()).isGreaterThan(FakeCaptureStarter.HALF);
    }

    @Test
    void shouldRefuseASecondRecordingOfTheVisitWhileOneIsWaitingOrRunning() {
        signaling.request(recording, visit, doctor, everyone);
        UUID second = UUID.randomUUID();
        signaling.request(second, visit, doctor, everyone);

        List<RecordingEvent> events = outcomes.await(second, has(RecordingFailed.class), WAIT);
        assertThat(((RecordingFailed) events.get(0)).reason()).isEqualTo(RecordingFailed.ALREADY_RECORDING);
        assertThat(status()).isEqualTo("AWAITING_CONSENT");
    }

    @Test
    void shouldCaptureFromTheMediaInstanceTheRequestNamed() {
        signaling.request(recording, visit, doctor, everyone, "http://10.0.0.7:8083");
        everyoneAccepts();

        outcomes.await(recording, has(RecordingStarted.class), WAIT);
        assertThat(capture.mediaControlUrlOf(recording)).contains(URI.create("http://10.0.0.7:8083"));
        assertThat(database.value("select media_control_url from recording where id = ?", recording))
                .isEqualTo("http://10.0.0.7:8083");
    }

    @Test
    void shouldRefuseARequestNamingAMediaInstanceByAnythingButAPlainHttpUrl() {
        UUID second = UUID.randomUUID();
        signaling.request(recording, visit, doctor, everyone, "file:///etc/passwd");
        signaling.request(second, UUID.randomUUID(), doctor, everyone, "http://user:secret@10.0.0.7:8083");

        for (UUID refused : List.of(recording, second)) {
            List<RecordingEvent> events = outcomes.await(refused, has(RecordingFailed.class), WAIT);
            assertThat(((RecordingFailed) events.get(0)).reason()).isEqualTo(RecordingFailed.INVALID_REQUEST);
            assertThat(database.value("select count(*) from recording where id = ?", refused)).isEqualTo(0L);
        }
    }

    @Test
    void shouldRefuseARequestThatDoesNotAskTheRequestingDoctor() {
        signaling.request(recording, visit, doctor, everyone.subList(1, 3));

        List<RecordingEvent> events = outcomes.await(recording, has(RecordingFailed.class), WAIT);
        assertThat(((RecordingFailed) events.get(0)).reason()).isEqualTo(RecordingFailed.INVALID_REQUEST);
        assertThat(database.value("select count(*) from recording where id = ?", recording)).isEqualTo(0L);
    }

    private void startWithEveryonesConsent() {
        signaling.request(recording, visit, doctor, everyone);
        everyoneAccepts();
        outcomes.await(recording, has(RecordingStarted.class), WAIT);
    }

    private void everyoneAccepts() {
        signaling.consent(recording, visit, doctor, ParticipantRole.DOCTOR, ConsentDecision.ACCEPTED);
        signaling.consent(recording, visit, patient, ParticipantRole.PATIENT, ConsentDecision.ACCEPTED);
        signaling.consent(recording, visit, guest, ParticipantRole.GUEST, ConsentDecision.ACCEPTED);
    }

    private RecordingCompleted completedEvent() {
        List<RecordingEvent> events = outcomes.await(recording, has(RecordingCompleted.class), WAIT);
        return (RecordingCompleted) events.stream().filter(RecordingCompleted.class::isInstance).findFirst().orElseThrow();
    }

    private String status() {
        return (String) database.value("select status from recording where id = ?", recording);
    }

    private long decisions() {
        return (Long) database.value("select count(*) from consent_decision where recording_id = ?", recording);
    }

    private byte[] decrypt(Path stored) throws Exception {
        RecordingReader reader = RecordingReader.open(new FileSource(stored), recording, keys, null);
        assertThat(reader.complete()).isTrue();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RecordingReader.DecryptedRange range = reader.range(0, reader.mediaLength() - 1)) {
            for (byte[] slice = range.next(); slice != null; slice = range.next()) {
                out.write(slice);
            }
        }
        return out.toByteArray();
    }
}
