package org.telehealth.signaling.ws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telehealth.infra.testing.KafkaTestResource;
import org.telehealth.infra.testing.TestTokens;
import org.telehealth.infra.testing.TokenIssuerTestResource;
import org.telehealth.signaling.turn.TurnSettingsTestResource;
import org.telehealth.signaling.visit.VisitDirectory;

/**
 * TURN credentials in the protocol, with TURN configured (credentials living 10 s): {@code iceServers}
 * on the welcome that puts a host in the call, on {@code admitted} and on a resume in the call, each
 * with a credential coturn would accept for that participant; none for anyone waiting or declined;
 * new ones ({@code ice-servers}) to everyone in the call every half life. VisitFlowTest shows them
 * absent when TURN is not configured.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(TokenIssuerTestResource.class)
@WithTestResource(JoinLinkKeysTestResource.class)
@WithTestResource(TurnSettingsTestResource.class)
class IceServersTest {

    static final String DOCTOR = "dr-turn";

    @TestHTTPResource("/")
    URI base;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @Inject
    VisitDirectory directory;

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
    void shouldGiveTheDoctorACredentialOfTheirOwnInTheWelcomeThatPutsThemInTheCall() {
        Instant before = Instant.now();
        TestSocket doctor = joinDoctor();

        JsonNode welcome = doctor.await("welcome");

        assertThat(welcome.path("state").asText()).isEqualTo("in-call");
        assertValidFor(welcome.path("iceServers"), doctorId, before);
        doctor.abort();
    }

    @Test
    void shouldGiveAPatientNoCredentialWhileWaitingAndOneOfTheirOwnOnAdmission() throws InterruptedException {
        TestSocket doctor = joinDoctor();
        doctor.await("welcome");
        TestSocket patient = joinPatient();
        JsonNode welcome = patient.await("welcome");
        assertThat(welcome.path("state").asText()).isEqualTo("waiting");
        assertThat(welcome.has("iceServers")).isFalse();
        doctor.await("waiting-room", list -> !list.path("waiting").isEmpty());
        // a renewal (every 5 s) passes the waiting room by
        List<JsonNode> whileWaiting = patient.drain(Duration.ofSeconds(TurnSettingsTestResource.TTL_SECONDS / 2 + 1));
        assertThat(whileWaiting).noneMatch(m -> m.has("iceServers") || m.path("type").asText().equals("ice-servers"));
        assertThat(doctor.await("ice-servers")).as("the doctor in the call got one meanwhile").isNotNull();

        Instant before = Instant.now();
        doctor.send("{\"type\":\"admit\",\"participantId\":\"" + patientId + "\"}");

        assertValidFor(patient.await("admitted").path("iceServers"), patientId, before);
        doctor.abort();
        patient.abort();
    }

    @Test
    void shouldGiveADeclinedPatientNoCredential() throws InterruptedException {
        TestSocket doctor = joinDoctor();
        doctor.await("welcome");
        TestSocket patient = joinPatient();
        doctor.await("waiting-room", list -> !list.path("waiting").isEmpty());

        doctor.send("{\"type\":\"decline\",\"participantId\":\"" + patientId + "\"}");

        patient.awaitClose();
        List<JsonNode> received = patient.drain(Duration.ofMillis(200));
        assertThat(received).extracting(m -> m.path("type").asText()).containsExactly("welcome", "declined");
        assertThat(received).noneMatch(m -> m.has("iceServers"));
        doctor.abort();
    }

    @Test
    void shouldRenewTheCredentialOfEveryoneInTheCallBeforeItExpires() {
        TestSocket doctor = joinDoctor();
        JsonNode first = doctor.await("welcome").path("iceServers");
        TestSocket patient = admittedPatient(doctor);
        JsonNode admitted = patient.await("admitted").path("iceServers");

        JsonNode doctorRenewed = doctor.await("ice-servers").path("iceServers");
        JsonNode patientRenewed = patient.await("ice-servers").path("iceServers");

        for (JsonNode[] pair : List.of(new JsonNode[] {first, doctorRenewed}, new JsonNode[] {admitted, patientRenewed})) {
            assertThat(expiry(pair[1])).as("issued later").isGreaterThanOrEqualTo(expiry(pair[0]));
            assertThat(expiry(pair[1]) - Instant.now().getEpochSecond()).as("more than half its life left")
                    .isGreaterThanOrEqualTo(TurnSettingsTestResource.TTL_SECONDS / 2);
        }
        assertValidFor(doctorRenewed, doctorId, Instant.now().minusSeconds(TurnSettingsTestResource.TTL_SECONDS));
        assertValidFor(patientRenewed, patientId, Instant.now().minusSeconds(TurnSettingsTestResource.TTL_SECONDS));
        doctor.abort();
        patient.abort();
    }

    @Test
    void shouldGiveAFreshCredentialToAPatientWhoResumesInTheCall() throws InterruptedException {
        TestSocket doctor = joinDoctor();
        doctor.await("welcome");
        TestSocket patient = admittedPatient(doctor);
        long firstExpiry = expiry(patient.await("admitted").path("iceServers"));
        patient.abort();
        doctor.await("participant-state");
        Thread.sleep(1100); // a new second: the new credential's expiry must be later

        Instant before = Instant.now();
        TestSocket again = joinPatient();
        JsonNode welcome = again.await("welcome");

        assertThat(welcome.path("resumed").asBoolean()).isTrue();
        assertThat(welcome.path("state").asText()).isEqualTo("in-call");
        assertValidFor(welcome.path("iceServers"), patientId, before);
        assertThat(expiry(welcome.path("iceServers"))).isGreaterThan(firstExpiry);
        doctor.abort();
        again.abort();
    }

    /** One server, the configured URI, username "<expiry>:<participant>" expiring one life after {@code issuedAfter}, signed with the secret. */
    private static void assertValidFor(JsonNode iceServers, String participantId, Instant issuedAfter) {
        assertThat(iceServers.isArray()).as("iceServers present").isTrue();
        assertThat(iceServers).hasSize(1);
        JsonNode server = iceServers.get(0);
        assertThat(server.path("urls")).extracting(JsonNode::asText).containsExactly(TurnSettingsTestResource.URI);
        String username = server.path("username").asText();
        assertThat(username).matches("\\d+:" + participantId);
        long expiry = Long.parseLong(username.substring(0, username.indexOf(':')));
        assertThat(expiry).isBetween(issuedAfter.getEpochSecond() + TurnSettingsTestResource.TTL_SECONDS,
                Instant.now().getEpochSecond() + TurnSettingsTestResource.TTL_SECONDS);
        assertThat(server.path("credential").asText()).isEqualTo(hmacSha1Base64(TurnSettingsTestResource.SECRET, username));
        assertThat(server.size()).as("urls, username, credential and nothing else").isEqualTo(3);
    }

    private static long expiry(JsonNode iceServers) {
        String username = iceServers.get(0).path("username").asText();
        return Long.parseLong(username.substring(0, username.indexOf(':')));
    }

    private static String hmacSha1Base64(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private TestSocket joinDoctor() {
        return TestSocket.open(base, visit.visitId()).hello(TestTokens.forUser(DOCTOR, "doctor"));
    }

    private TestSocket joinPatient() {
        return TestSocket.open(base, visit.visitId()).hello(JoinLinks.forPatient(visit.patientId(), visit.visitId(), 0));
    }

    private TestSocket admittedPatient(TestSocket doctor) {
        TestSocket patient = joinPatient();
        patient.await("welcome");
        doctor.await("waiting-room", list -> !list.path("waiting").isEmpty());
        doctor.send("{\"type\":\"admit\",\"participantId\":\"" + patientId + "\"}");
        return patient;
    }
}
