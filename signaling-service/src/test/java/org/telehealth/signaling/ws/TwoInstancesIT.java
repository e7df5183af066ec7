package org.telehealth.signaling.ws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telehealth.events.EventEnvelope;
import org.telehealth.events.recording.ConsentDecision;
import org.telehealth.events.recording.ExpectedParticipant;
import org.telehealth.events.recording.RecordingConsentRecorded;
import org.telehealth.events.recording.RecordingRequested;
import org.telehealth.events.recording.RecordingStarted;
import org.telehealth.events.recording.RecordingStopRequested;
import org.telehealth.events.visit.VisitParticipantAdmitted;
import org.telehealth.events.visit.VisitParticipantJoined;
import org.telehealth.events.visit.VisitParticipantWaiting;
import org.telehealth.infra.testing.ClientCredentialsTestResource;
import org.telehealth.infra.testing.FreePorts;
import org.telehealth.infra.testing.KafkaTestResource;
import org.telehealth.infra.testing.TestTokens;
import org.telehealth.infra.testing.TokenIssuerTestResource;
import org.telehealth.signaling.media.placement.MediaInstances;
import org.telehealth.signaling.media.placement.MediaPlacement;
import org.telehealth.signaling.visit.VisitDirectory;

/**
 * One visit served by two signaling instances: the instance under test (A) and a second one (B, the
 * packaged app in a JVM of its own, {@link SecondSignalingInstance}), on one Kafka, with the real
 * media-service. The doctor's socket is on A, the patient's on B, and everything the protocol
 * promises holds across them: the waiting room, admission, the participant list, chat, media state,
 * one media room for both with each told what the other publishes, quality, the end of the visit,
 * the visit's events once each, resuming (or being replaced) on the other instance, and one
 * recording request whose consent both instances follow.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(TokenIssuerTestResource.class)
@WithTestResource(JoinLinkKeysTestResource.class)
@WithTestResource(ClientCredentialsTestResource.class)
@WithTestResource(MediaServiceTestResource.class)
class TwoInstancesIT {

    private static final Logger LOG = Logger.getLogger(TwoInstancesIT.class);
    static final String DOCTOR = "dr-two-instances";
    private static SecondSignalingInstance instanceB;

    @TestHTTPResource("/")
    URI instanceA;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @Inject
    VisitDirectory directory;
    @Inject
    MediaInstances instances;
    @Inject
    MediaPlacement placement;

    private Appointments.VisitIds visit;
    private String doctorId;
    private String patientId;

    @BeforeEach
    void schedule() {
        if (instanceB == null) {
            instanceB = SecondSignalingInstance.start(ConfigProvider.getConfig());
        }
        doctorId = TestTokens.subjectOf(DOCTOR);
        visit = new Appointments(bootstrap, directory).schedule(doctorId, 0);
        instanceB.awaitKnows(visit.visitId());
        patientId = visit.patientId().toString();
    }

    @AfterAll
    static void stopInstanceB() {
        if (instanceB != null) {
            instanceB.close();
            instanceB = null;
        }
    }

    @Test
    void shouldServeOneVisitWithTheDoctorOnOneInstanceAndThePatientOnTheOther() throws InterruptedException {
        TestSocket doctor = joinedDoctorOn(instanceA);
        TestSocket patient = patientOn(instanceB.base());
        assertThat(patient.await("welcome").path("state").asText()).isEqualTo("waiting");

        JsonNode waitingRoom = doctor.await("waiting-room", list -> !list.path("waiting").isEmpty());
        assertThat(waitingRoom.path("waiting")).singleElement().satisfies(waiting -> {
            assertThat(waiting.path("participantId").asText()).isEqualTo(patientId);
            assertThat(waiting.path("role").asText()).isEqualTo("patient");
        });

        doctor.send(admit(patientId));
        patient.await("admitted");
        assertThat(patient.await("participants").path("participants")).extracting(p -> p.path("participantId").asText())
                .containsExactlyInAnyOrder(doctorId, patientId);
        assertThat(doctor.await("participant-joined").path("participantId").asText()).isEqualTo(patientId);
        assertThat(doctor.await("waiting-room").path("waiting")).isEmpty();

        measureChat(doctor, patient);

        patient.send("{\"type\":\"media-state\",\"audio\":true,\"video\":false}");
        JsonNode patientMedia = doctor.await("media-state");
        assertThat(patientMedia.path("participantId").asText()).isEqualTo(patientId);
        assertThat(patientMedia.path("audio").asBoolean()).isTrue();
        assertThat(patientMedia.path("video").asBoolean()).isFalse();
        doctor.send("{\"type\":\"media-state\",\"audio\":false,\"video\":true}");
        assertThat(patient.await("media-state").path("participantId").asText()).isEqualTo(doctorId);

        doctor.send(Offers.frame(Offers.chrome("doctor-stream")));
        doctor.await("media-answer");
        JsonNode patientTracks = patient.await("tracks", t -> t.path("video").asInt() == 1);
        assertThat(patientTracks.path("streams")).singleElement().satisfies(stream -> {
            assertThat(stream.path("participantId").asText()).isEqualTo(doctorId);
            assertThat(stream.path("streamId").asText()).isEqualTo("doctor-stream");
        });
        // From now on a visit placed anew would go to an idle instance that does not answer: B must use A's placement.
        String decoy = "0000-idle-" + UUID.randomUUID();
        String decoyUrl = "http://127.0.0.1:" + FreePorts.next();
        MediaLoadReports reports = new MediaLoadReports(bootstrap, instances);
        try {
            reports.report(decoy, decoyUrl, 0, 0.0);
            Thread.sleep(300); // B reads the report too
            patient.send(Offers.frame(Offers.chrome("patient-stream")));
            assertThat(patient.await("media-answer").path("sdp").asText()).contains("a=ice-lite");
        } finally {
            reports.retire(decoy, decoyUrl);
        }
        JsonNode doctorTracks = doctor.await("tracks", t -> t.path("video").asInt() == 1);
        assertThat(doctorTracks.path("streams")).singleElement().satisfies(stream -> {
            assertThat(stream.path("participantId").asText()).isEqualTo(patientId);
            assertThat(stream.path("streamId").asText()).isEqualTo("patient-stream");
        });
        assertThat(MediaServiceProbe.statsStatus(visit.visitId(), doctorId)).as("one media room holds both").isEqualTo(200);
        assertThat(MediaServiceProbe.statsStatus(visit.visitId(), patientId)).isEqualTo(200);
        assertThat(placement.placed(visit.visitId())).hasValueSatisfying(
                instance -> assertThat(instance.id()).isEqualTo(MediaServiceTestResource.INSTANCE_ID));

        for (TestSocket inCall : List.of(doctor, patient)) {
            JsonNode quality = inCall.await("quality", q -> q.path("participants").size() == 2);
            assertThat(quality.path("participants")).extracting(p -> p.path("participantId").asText())
                    .containsExactlyInAnyOrder(doctorId, patientId);
        }

        doctor.send("{\"type\":\"end-visit\"}");
        assertThat(patient.await("visit-ended").path("by").asText()).isEqualTo(doctorId);
        assertThat(patient.awaitClose()).isEqualTo(1000);
        assertThat(doctor.awaitClose()).isEqualTo(1000);
        MediaServiceProbe.awaitStatsStatus(visit.visitId(), patientId, 404);
        assertThat(MediaServiceProbe.addStatus(visit.visitId(), doctorId)).as("the media room is closed").isEqualTo(404);
        TestSocket late = TestSocket.open(instanceB.base(), visit.visitId()).hello(patientLink());
        assertThat(late.await("error").path("code").asText()).isEqualTo("visit-ended");

        List<EventEnvelope<?>> events = VisitEventsProbe.eventsSettled(bootstrap, visit.visitId(), "visit.ended", Duration.ofSeconds(2));
        assertThat(events).extracting(EventEnvelope::type).containsExactly("visit.opened", "visit.participant-joined",
                "visit.participant-waiting", "visit.participant-admitted", "visit.participant-joined", "visit.ended");
        assertThat(events.get(2).data()).isInstanceOfSatisfying(VisitParticipantWaiting.class,
                waiting -> assertThat(waiting.participantId()).isEqualTo(patientId));
        assertThat(events.get(3).data()).isInstanceOfSatisfying(VisitParticipantAdmitted.class,
                admitted -> assertThat(admitted.participantId()).isEqualTo(patientId));
        assertThat(events.get(4).data()).isInstanceOfSatisfying(VisitParticipantJoined.class,
                joined -> assertThat(joined.participantId()).isEqualTo(patientId));
    }

    @Test
    void shouldResumeAParticipantOnTheOtherInstanceWithinTheGracePeriod() throws InterruptedException {
        TestSocket doctor = joinedDoctorOn(instanceA);
        TestSocket patient = admittedPatientOn(instanceB.base(), doctor);
        patient.send("{\"type\":\"media-state\",\"audio\":true,\"video\":true}");
        doctor.await("media-state");
        patient.send(Offers.frame(Offers.chrome("patient-stream")));
        patient.await("media-answer");
        doctor.await("tracks", t -> t.path("video").asInt() == 1);

        patient.abort();
        assertThat(doctor.await("participant-state").path("connected").asBoolean()).isFalse();
        TestSocket again = TestSocket.open(instanceA, visit.visitId()).hello(patientLink());

        JsonNode welcome = again.await("welcome");
        assertThat(welcome.path("resumed").asBoolean()).isTrue();
        assertThat(welcome.path("state").asText()).isEqualTo("in-call");
        assertThat(again.await("participants").path("participants")).anySatisfy(p -> {
            assertThat(p.path("participantId").asText()).isEqualTo(patientId);
            assertThat(p.path("audio").asBoolean()).as("their media state came along").isTrue();
        });
        again.await("tracks");
        assertThat(doctor.await("participant-state").path("connected").asBoolean()).isTrue();
        assertThat(MediaServiceProbe.statsStatus(visit.visitId(), patientId)).as("their media session is kept").isEqualTo(200);
        again.send(Offers.frame(Offers.chrome("patient-stream")));
        again.await("media-answer");

        Thread.sleep(3500); // past the grace period B started when the socket dropped
        assertThat(doctor.drain(Duration.ofMillis(300))).noneMatch(m -> List.of("participant-left", "participant-joined",
                "waiting-room").contains(m.path("type").asText()));
        again.send("{\"type\":\"chat\",\"text\":\"back on the other instance\"}");
        assertThat(doctor.await("chat").path("from").asText()).isEqualTo(patientId);
        assertThat(MediaServiceProbe.statsStatus(visit.visitId(), patientId)).isEqualTo(200);

        again.send("{\"type\":\"leave\"}");
        assertThat(doctor.await("participant-left").path("participantId").asText()).isEqualTo(patientId);
        MediaServiceProbe.awaitStatsStatus(visit.visitId(), patientId, 404);
        doctor.send("{\"type\":\"end-visit\"}");
        List<EventEnvelope<?>> events = VisitEventsProbe.eventsSettled(bootstrap, visit.visitId(), "visit.ended", Duration.ofSeconds(1));
        assertThat(events).extracting(EventEnvelope::type).containsExactly("visit.opened", "visit.participant-joined",
                "visit.participant-waiting", "visit.participant-admitted", "visit.participant-joined",
                "visit.participant-left", "visit.ended");
    }

    @Test
    void shouldResumeTheDoctorOnTheOtherInstanceAndKeepTheWaitingRoom() {
        TestSocket doctor = joinedDoctorOn(instanceA);
        TestSocket patient = patientOn(instanceA);
        patient.await("welcome");
        doctor.await("waiting-room", list -> !list.path("waiting").isEmpty());

        doctor.abort();
        TestSocket again = doctorOn(instanceB.base());

        assertThat(again.await("welcome").path("resumed").asBoolean()).isTrue();
        assertThat(again.await("waiting-room").path("waiting")).extracting(w -> w.path("participantId").asText())
                .containsExactly(patientId);
        again.send(admit(patientId));
        patient.await("admitted");
        assertThat(patient.await("participants").path("participants")).hasSize(2);
        again.abort();
        patient.abort();
    }

    @Test
    void shouldReplaceTheSocketOfAParticipantWhoConnectsAgainOnTheOtherInstance() throws InterruptedException {
        TestSocket doctor = joinedDoctorOn(instanceA);
        TestSocket patient = admittedPatientOn(instanceB.base(), doctor);

        TestSocket secondTab = TestSocket.open(instanceA, visit.visitId()).hello(patientLink());

        assertThat(secondTab.await("welcome").path("resumed").asBoolean()).isTrue();
        assertThat(patient.await("error").path("code").asText()).isEqualTo("replaced");
        assertThat(patient.awaitClose()).isEqualTo(4409);
        assertThat(doctor.drain(Duration.ofMillis(500))).noneMatch(m -> List.of("participant-left", "participant-state")
                .contains(m.path("type").asText()));
        secondTab.send("{\"type\":\"chat\",\"text\":\"second tab\"}");
        assertThat(doctor.await("chat").path("text").asText()).isEqualTo("second tab");
        doctor.abort();
        secondTab.abort();
    }

    @Test
    void shouldLetTheDoctorDeclineAPatientWaitingOnTheOtherInstance() {
        TestSocket doctor = joinedDoctorOn(instanceA);
        TestSocket patient = patientOn(instanceB.base());
        patient.await("welcome");
        doctor.await("waiting-room", list -> !list.path("waiting").isEmpty());

        doctor.send("{\"type\":\"decline\",\"participantId\":\"" + patientId + "\"}");

        patient.await("declined");
        assertThat(patient.awaitClose()).isEqualTo(1000);
        assertThat(doctor.await("waiting-room").path("waiting")).isEmpty();
        doctor.send(admit(patientId));
        assertThat(doctor.await("error").path("code").asText()).isEqualTo("unknown-participant");
        doctor.abort();
    }

    @Test
    void shouldAskThePatientOnTheOtherInstanceToConsentAndFollowTheirAnswersOnBoth() {
        TestSocket doctor = joinedDoctorOn(instanceA);
        TestSocket patient = admittedPatientOn(instanceB.base(), doctor);

        doctor.send("{\"type\":\"recording-start\"}");

        JsonNode asking = doctor.await("recording-state");
        UUID recordingId = UUID.fromString(asking.path("recordingId").asText());
        assertThat(asking.path("waitingFor")).as("the patient on the other instance must consent too")
                .extracting(JsonNode::asText).containsExactly(patientId);
        assertThat(patient.await("recording-consent-requested").path("recordingId").asText()).isEqualTo(recordingId.toString());
        assertThat(patient.await("recording-state").path("state").asText()).isEqualTo("asking");

        patient.send(consent(recordingId, true));
        for (TestSocket inCall : List.of(doctor, patient)) {
            JsonNode state = inCall.await("recording-state", m -> m.path("waitingFor").isEmpty());
            assertThat(state.path("state").asText()).isEqualTo("asking");
        }
        List<EventEnvelope<?>> events = RecordingTopic.eventsUntil(bootstrap, visit.visitId(), "recording.consent-recorded", 2);
        assertThat(RecordingTopic.types(events)).containsExactly("recording.requested", "recording.consent-recorded",
                "recording.consent-recorded");
        assertThat(events.get(0).data()).isInstanceOfSatisfying(RecordingRequested.class, requested -> assertThat(
                requested.participants()).extracting(ExpectedParticipant::participantId).containsExactly(doctorId, patientId));
        assertThat(events.get(2).data()).isInstanceOfSatisfying(RecordingConsentRecorded.class, consent -> {
            assertThat(consent.participantId()).isEqualTo(patientId);
            assertThat(consent.decision()).isEqualTo(ConsentDecision.ACCEPTED);
        });

        RecordingTopic.publish(bootstrap, new RecordingStarted(recordingId, visit.visitId(), Instant.now()));
        doctor.await("recording-state", m -> m.path("state").asText().equals("recording"));
        patient.await("recording-state", m -> m.path("state").asText().equals("recording"));

        patient.send(consent(recordingId, false));
        for (TestSocket inCall : List.of(doctor, patient)) {
            JsonNode stopped = inCall.await("recording-state", m -> m.path("state").asText().equals("stopped"));
            assertThat(stopped.path("reason").asText()).isEqualTo(RecordingStopRequested.DECLINED);
            assertThat(stopped.path("by").asText()).isEqualTo(patientId);
        }
        List<EventEnvelope<?>> withdrawn = RecordingTopic.eventsUntil(bootstrap, visit.visitId(), "recording.stop-requested", 1);
        assertThat(RecordingTopic.types(withdrawn)).as("one stop, by the patient's instance").containsExactly(
                "recording.requested", "recording.consent-recorded", "recording.consent-recorded", "recording.started",
                "recording.consent-recorded", "recording.stop-requested");
        doctor.abort();
        patient.abort();
    }

    /**
     * Chat lines both ways, timed: the same instance's echo to the sender against the other
     * instance's delivery, which adds one trip through Kafka. Logged, and bounded loosely.
     */
    private void measureChat(TestSocket doctor, TestSocket patient) {
        List<Long> local = new ArrayList<>();
        List<Long> across = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            TestSocket from = i % 2 == 0 ? doctor : patient;
            TestSocket to = i % 2 == 0 ? patient : doctor;
            String text = "line " + i;
            long sent = System.nanoTime();
            from.send("{\"type\":\"chat\",\"text\":\"" + text + "\"}");
            from.await("chat", c -> c.path("text").asText().equals(text));
            local.add(System.nanoTime() - sent);
            JsonNode chat = to.await("chat", c -> c.path("text").asText().equals(text));
            across.add(System.nanoTime() - sent);
            assertThat(chat.path("from").asText()).isEqualTo(i % 2 == 0 ? doctorId : patientId);
        }
        local.sort(null);
        across.sort(null);
        LOG.infof("Chat delivery over 20 lines: same instance median %.1f ms (max %.1f), other instance median %.1f ms (max %.1f);"
                + " fact delay between instances (publication to reading) on A: %s, on B: %s",
                local.get(10) / 1e6, local.get(19) / 1e6, across.get(10) / 1e6, across.get(19) / 1e6,
                factDelay(instanceA), factDelay(instanceB.base()));
        assertThat(across.get(10) / 1e6).as("median delivery to the other instance, ms").isLessThan(500);
    }

    /** The instance's {@code signaling_room_facts_delay_seconds} summary (quantiles, count), as Prometheus reads it. */
    private static String factDelay(URI instance) {
        try {
            String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(instance.resolve("q/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            return metrics.lines().filter(line -> line.startsWith("signaling_room_facts_delay_seconds"))
                    .map(line -> line.replace("signaling_room_facts_delay_seconds", "")).toList().toString();
        } catch (IOException e) {
            return "unreadable (" + e.getClass().getSimpleName() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** The doctor's socket once in the call (welcome read): what follows happens after the doctor joined. */
    private TestSocket joinedDoctorOn(URI instance) {
        TestSocket doctor = doctorOn(instance);
        doctor.await("welcome");
        return doctor;
    }

    private TestSocket doctorOn(URI instance) {
        return TestSocket.open(instance, visit.visitId()).hello(TestTokens.forUser(DOCTOR, "doctor"));
    }

    private TestSocket patientOn(URI instance) {
        return TestSocket.open(instance, visit.visitId()).hello(patientLink());
    }

    private TestSocket admittedPatientOn(URI instance, TestSocket doctor) {
        TestSocket patient = patientOn(instance);
        patient.await("welcome");
        doctor.await("waiting-room", list -> !list.path("waiting").isEmpty());
        doctor.send(admit(patientId));
        patient.await("admitted");
        doctor.await("participant-joined");
        return patient;
    }

    private String patientLink() {
        return JoinLinks.forPatient(visit.patientId(), visit.visitId(), 0);
    }

    private static String consent(UUID recordingId, boolean accept) {
        return "{\"type\":\"recording-consent\",\"recordingId\":\"" + recordingId + "\",\"accept\":" + accept + "}";
    }

    private static String admit(String participantId) {
        return "{\"type\":\"admit\",\"participantId\":\"" + participantId + "\"}";
    }
}
