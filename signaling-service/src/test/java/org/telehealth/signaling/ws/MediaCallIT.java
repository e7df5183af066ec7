package org.telehealth.signaling.ws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telehealth.events.EventEnvelope;
import org.telehealth.events.visit.VisitParticipantLeft;
import org.telehealth.infra.testing.ClientCredentialsTestResource;
import org.telehealth.infra.testing.FreePorts;
import org.telehealth.infra.testing.KafkaTestResource;
import org.telehealth.infra.testing.TestTokens;
import org.telehealth.infra.testing.TokenIssuerTestResource;
import org.telehealth.signaling.media.placement.MediaInstances;
import org.telehealth.signaling.media.placement.MediaPlacement;
import org.telehealth.signaling.visit.VisitDirectory;

/**
 * The media part of the protocol against the real media-service (its packaged app in a JVM of its
 * own, on the same Kafka, called with a service token that signaling gets by client credentials):
 * offers and answers, what each participant is told the others publish, quality, the media room
 * following the call, refusals, an unreachable instance and the placement of new visits.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(TokenIssuerTestResource.class)
@WithTestResource(JoinLinkKeysTestResource.class)
@WithTestResource(ClientCredentialsTestResource.class)
@WithTestResource(MediaServiceTestResource.class)
class MediaCallIT {

    static final String DOCTOR = "dr-media";

    @TestHTTPResource("/")
    URI base;
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
        doctorId = TestTokens.subjectOf(DOCTOR);
        visit = new Appointments(bootstrap, directory).schedule(doctorId, 0);
        patientId = visit.patientId().toString();
    }

    @Test
    void shouldAnswerEachOfferAndTellTheOthersWhatEveryonePublishes() {
        TestSocket doctor = joinDoctor();
        doctor.send(Offers.frame(Offers.chrome("doctor-stream")));
        String answer = doctor.await("media-answer").path("sdp").asText();
        assertThat(answer).startsWith("v=0").contains("a=ice-lite", "a=setup:passive", "a=fingerprint:sha-256 ");
        assertThat(ClientCredentialsTestResource.tokensIssued()).as("signaling got its service token").isPositive();
        assertThat(MediaServiceProbe.statsStatus(visit.visitId(), doctorId)).isEqualTo(200);

        TestSocket patient = admittedPatient(doctor);
        assertThat(patient.await("participants").path("participants")).hasSize(2);
        JsonNode tracks = patient.await("tracks");
        assertThat(tracks.path("audio").asInt()).isEqualTo(1);
        assertThat(tracks.path("video").asInt()).isEqualTo(1);
        assertThat(tracks.path("streams")).hasSize(1);
        assertThat(tracks.path("streams").get(0).path("participantId").asText()).isEqualTo(doctorId);
        assertThat(tracks.path("streams").get(0).path("streamId").asText()).isEqualTo("doctor-stream");
        assertThat(tracks.path("streams").get(0).path("screen").asBoolean()).isFalse();

        // above the 16 KiB message limit, which does not apply to media-offer
        patient.send(Offers.frame(Offers.padded("patient-stream", 20_000)));
        assertThat(patient.await("media-answer").path("sdp").asText()).contains("a=ice-lite");
        JsonNode doctorTracks = doctor.await("tracks", t -> t.path("video").asInt() == 1);
        assertThat(doctorTracks.path("audio").asInt()).isEqualTo(1);
        assertThat(doctorTracks.path("streams").get(0).path("participantId").asText()).isEqualTo(patientId);
        assertThat(doctorTracks.path("streams").get(0).path("streamId").asText()).isEqualTo("patient-stream");
        doctor.abort();
        patient.abort();
    }

    @Test
    void shouldTellTheOthersAboutAScreenShare() {
        TestSocket doctor = joinDoctor();
        TestSocket patient = admittedPatient(doctor);
        patient.await("tracks");
        String withScreen = Offers.chrome("doctor-stream").replace("a=mid:1\r\n", "a=mid:1\r\na=content:slides\r\n");

        doctor.send(Offers.frame(withScreen));

        doctor.await("media-answer");
        JsonNode tracks = patient.await("tracks", t -> t.path("video").asInt() == 1);
        assertThat(tracks.path("streams")).extracting(s -> s.path("screen").asBoolean()).containsExactlyInAnyOrder(false, true);
        doctor.abort();
        patient.abort();
    }

    @Test
    void shouldRefuseAnOfferFromTheWaitingRoomAndCallNoMediaService() throws InterruptedException {
        TestSocket doctor = joinDoctor();
        TestSocket patient = TestSocket.open(base, visit.visitId()).hello(JoinLinks.forPatient(visit.patientId(), visit.visitId(), 0));
        patient.await("welcome");
        doctor.await("waiting-room", list -> !list.path("waiting").isEmpty());

        patient.send(Offers.frame(Offers.chrome("patient-stream")));

        assertThat(patient.await("error").path("code").asText()).isEqualTo("not-allowed");
        assertThat(MediaServiceProbe.statsStatus(visit.visitId(), patientId)).isEqualTo(404);
        assertThat(doctor.drain(Duration.ofMillis(300))).noneMatch(m -> m.path("type").asText().equals("tracks"));
        doctor.abort();
        patient.abort();
    }

    @Test
    void shouldRefuseTextThatIsNoSdpAndAnSdpAboveItsLimit() {
        TestSocket doctor = joinDoctor();

        doctor.send(Offers.frame("hello, media"));
        assertThat(doctor.await("error").path("code").asText()).isEqualTo("invalid-sdp");
        doctor.send(Offers.frame(Offers.padded("doctor-stream", 49_153)));
        assertThat(doctor.await("error").path("code").asText()).isEqualTo("message-too-large");
        doctor.send("{\"type\":\"media-offer\",\"sdp\":\"\"}");
        assertThat(doctor.await("error").path("code").asText()).isEqualTo("invalid-message");
        doctor.send("{\"type\":\"media-offer\",\"sdp\":\"v=0\",\"extra\":1}");
        assertThat(doctor.await("error").path("code").asText()).isEqualTo("invalid-message");

        assertThat(MediaServiceProbe.statsStatus(visit.visitId(), doctorId)).isEqualTo(404);
        doctor.send(Offers.frame(Offers.chrome("doctor-stream")));
        doctor.await("media-answer");
        doctor.abort();
    }

    @Test
    void shouldPassOnMediaServicesRefusalAndChangeNothing() throws InterruptedException {
        TestSocket doctor = joinDoctor();
        TestSocket patient = admittedPatient(doctor);
        doctor.send(Offers.frame(Offers.chrome("doctor-stream")));
        doctor.await("media-answer");
        patient.await("tracks", t -> t.path("video").asInt() == 1);

        doctor.send(Offers.frame(Offers.withoutFingerprint("doctor-stream").replace("a=sendonly", "a=inactive")));
        JsonNode refusal = doctor.await("error");
        assertThat(refusal.path("code").asText()).isEqualTo("invalid-sdp");
        assertThat(refusal.path("message").asText()).containsIgnoringCase("fingerprint");
        assertThat(patient.drain(Duration.ofMillis(500))).noneMatch(m -> m.path("type").asText().equals("tracks"));

        patient.send(Offers.frame(Offers.withoutFingerprint("patient-stream")));
        assertThat(patient.await("error").path("code").asText()).isEqualTo("invalid-sdp");
        MediaServiceProbe.awaitStatsStatus(visit.visitId(), patientId, 404);
        assertThat(MediaServiceProbe.statsStatus(visit.visitId(), doctorId)).isEqualTo(200);
        doctor.abort();
        patient.abort();
    }

    @Test
    void shouldSayMediaIsUnavailableWhenItsInstanceDoesNotAnswerAndPlaceTheVisitAnewLater() {
        String down = "0000-down-" + UUID.randomUUID();
        String deadUrl = "http://127.0.0.1:" + FreePorts.next();
        MediaLoadReports reports = new MediaLoadReports(bootstrap, instances);
        reports.report(down, deadUrl, 0, 0.0);
        TestSocket doctor = joinDoctor();
        try {
            doctor.send(Offers.frame(Offers.chrome("doctor-stream")));
            assertThat(doctor.await("error").path("code").asText()).isEqualTo("media-unavailable");
        } finally {
            reports.retire(down, deadUrl);
        }

        doctor.send(Offers.frame(Offers.chrome("doctor-stream")));

        assertThat(doctor.await("media-answer").path("sdp").asText()).contains("a=ice-lite");
        assertThat(placement.placed(visit.visitId())).hasValueSatisfying(instance -> assertThat(instance.id()).isNotEqualTo(down));
        doctor.abort();
    }

    @Test
    void shouldPlaceANewVisitOnTheLeastLoadedInstance() {
        String mediaService = System.getProperty(MediaServiceTestResource.BASE_URL_PROPERTY);
        String busy = "0000-busy-" + UUID.randomUUID();
        String idle = "0000-idle-" + UUID.randomUUID();
        String busyUrl = "http://127.0.0.1:" + FreePorts.next();
        MediaLoadReports reports = new MediaLoadReports(bootstrap, instances);
        try {
            // The real instance reports itself too: with no participant left and its CPU possibly at 0,
            // it can only tie with "idle", which its smaller id then wins. The order of participants
            // before CPU is MediaInstancesTest's; this proves the reports on the real Kafka drive placement.
            reports.report(busy, busyUrl, 3, 0.0);
            reports.report(idle, mediaService, 0, 0.0);
            TestSocket doctor = joinDoctor();

            doctor.send(Offers.frame(Offers.chrome("doctor-stream")));

            doctor.await("media-answer");
            assertThat(placement.placed(visit.visitId())).hasValueSatisfying(instance -> assertThat(instance.id()).isEqualTo(idle));
            doctor.abort();
        } finally {
            reports.retire(busy, busyUrl);
            reports.retire(idle, mediaService);
        }
    }

    @Test
    void shouldSendTheCallEachParticipantsQualityEveryTwoSeconds() {
        TestSocket doctor = joinDoctor();
        TestSocket patient = admittedPatient(doctor);
        doctor.send(Offers.frame(Offers.chrome("doctor-stream")));
        doctor.await("media-answer");

        JsonNode first = patient.await("quality");
        long firstAt = System.nanoTime();
        JsonNode second = patient.await("quality");
        double seconds = (System.nanoTime() - firstAt) / 1e9;

        assertThat(seconds).isBetween(1.0, 3.5);
        for (JsonNode quality : List.of(first, second)) {
            assertThat(quality.path("participants")).hasSize(1);
            JsonNode entry = quality.path("participants").get(0);
            assertThat(entry.path("participantId").asText()).isEqualTo(doctorId);
            // no browser behind the canned offer: its media never connects
            assertThat(entry.path("level").asText()).isEqualTo("unknown");
            assertThat(entry.path("rttMs").isNull()).isTrue();
            assertThat(entry.path("lossPercent").asDouble()).isZero();
            assertThat(entry.path("bitrateKbps").asLong()).isZero();
        }
        doctor.await("quality");
        doctor.abort();
        patient.abort();
    }

    @Test
    void shouldRemoveTheMediaOfAParticipantWhoLeavesAndTellTheOthers() {
        TestSocket doctor = joinDoctor();
        TestSocket patient = admittedPatient(doctor);
        patient.send(Offers.frame(Offers.chrome("patient-stream")));
        patient.await("media-answer");
        doctor.await("tracks", t -> t.path("video").asInt() == 1);
        doctor.send(Offers.frame(Offers.chrome("doctor-stream")));
        doctor.await("media-answer");

        patient.send("{\"type\":\"leave\"}");

        assertThat(doctor.await("participant-left").path("participantId").asText()).isEqualTo(patientId);
        JsonNode tracks = doctor.await("tracks");
        assertThat(tracks.path("audio").asInt()).isZero();
        assertThat(tracks.path("video").asInt()).isZero();
        assertThat(tracks.path("streams")).isEmpty();
        MediaServiceProbe.awaitStatsStatus(visit.visitId(), patientId, 404);
        assertThat(MediaServiceProbe.statsStatus(visit.visitId(), doctorId)).isEqualTo(200);
        doctor.abort();
    }

    @Test
    void shouldCloseTheMediaRoomWhenTheVisitEnds() {
        TestSocket doctor = joinDoctor();
        doctor.send(Offers.frame(Offers.chrome("doctor-stream")));
        doctor.await("media-answer");

        doctor.send("{\"type\":\"end-visit\"}");

        doctor.await("visit-ended");
        MediaServiceProbe.awaitStatsStatus(visit.visitId(), doctorId, 404);
        assertThat(MediaServiceProbe.addStatus(visit.visitId(), doctorId)).as("the room is gone").isEqualTo(404);
    }

    @Test
    void shouldKeepTheMediaOfAParticipantWhoResumesWithinTheGracePeriod() throws InterruptedException {
        TestSocket doctor = joinDoctor();
        TestSocket patient = admittedPatient(doctor);
        patient.send(Offers.frame(Offers.chrome("patient-stream")));
        patient.await("media-answer");
        doctor.await("tracks", t -> t.path("video").asInt() == 1);

        patient.abort();
        assertThat(doctor.await("participant-state").path("connected").asBoolean()).isFalse();
        TestSocket again = TestSocket.open(base, visit.visitId()).hello(JoinLinks.forPatient(visit.patientId(), visit.visitId(), 0));

        JsonNode welcome = again.await("welcome");
        assertThat(welcome.path("resumed").asBoolean()).isTrue();
        assertThat(welcome.path("state").asText()).isEqualTo("in-call");
        again.await("participants");
        again.await("tracks");
        assertThat(doctor.await("participant-state").path("connected").asBoolean()).isTrue();
        assertThat(MediaServiceProbe.statsStatus(visit.visitId(), patientId)).isEqualTo(200);
        again.send(Offers.frame(Offers.chrome("patient-stream")));
        again.await("media-answer");
        Thread.sleep(3500); // past the grace period of the dropped socket
        assertThat(doctor.drain(Duration.ofMillis(200))).noneMatch(m -> m.path("type").asText().equals("participant-left"));
        assertThat(MediaServiceProbe.statsStatus(visit.visitId(), patientId)).isEqualTo(200);
        doctor.abort();
        again.abort();
    }

    @Test
    void shouldRemoveTheMediaOfAParticipantWhoseGracePeriodRanOut() {
        TestSocket doctor = joinDoctor();
        TestSocket patient = admittedPatient(doctor);
        patient.send(Offers.frame(Offers.chrome("patient-stream")));
        patient.await("media-answer");
        doctor.await("tracks", t -> t.path("video").asInt() == 1);

        patient.abort();

        assertThat(doctor.await("participant-state").path("connected").asBoolean()).isFalse();
        assertThat(doctor.await("participant-left").path("participantId").asText()).isEqualTo(patientId);
        assertThat(doctor.await("tracks").path("video").asInt()).isZero();
        MediaServiceProbe.awaitStatsStatus(visit.visitId(), patientId, 404);
        List<EventEnvelope<?>> events = VisitEventsProbe.eventsOf(bootstrap, visit.visitId(), "visit.participant-left");
        assertThat(events.get(events.size() - 1).data()).isInstanceOfSatisfying(VisitParticipantLeft.class,
                left -> assertThat(left.participantId()).isEqualTo(patientId));
        doctor.abort();
    }

    private TestSocket joinDoctor() {
        TestSocket doctor = TestSocket.open(base, visit.visitId()).hello(TestTokens.forUser(DOCTOR, "doctor"));
        doctor.await("welcome");
        return doctor;
    }

    private TestSocket admittedPatient(TestSocket doctor) {
        TestSocket patient = TestSocket.open(base, visit.visitId()).hello(JoinLinks.forPatient(visit.patientId(), visit.visitId(), 0));
        patient.await("welcome");
        doctor.await("waiting-room", list -> !list.path("waiting").isEmpty());
        doctor.send("{\"type\":\"admit\",\"participantId\":\"" + patientId + "\"}");
        patient.await("admitted");
        return patient;
    }
}
