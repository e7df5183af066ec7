package org.telehealth.recording.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.telehealth.recording.consent.ConsentGate.Verdict.ALL_ACCEPTED;
import static org.telehealth.recording.consent.ConsentGate.Verdict.DECLINED;
import static org.telehealth.recording.consent.ConsentGate.Verdict.PENDING;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ConsentGateTest {

    private static final List<String> EVERYONE = List.of("doctor", "patient", "guest");

    @Test
    void shouldPermitCaptureOnlyOnceEveryNamedParticipantAccepted() {
        assertThat(ConsentGate.verdict(EVERYONE, List.of())).isEqualTo(PENDING);
        assertThat(ConsentGate.verdict(EVERYONE, accepted("doctor"))).isEqualTo(PENDING);
        assertThat(ConsentGate.verdict(EVERYONE, accepted("doctor", "patient"))).isEqualTo(PENDING);
        assertThat(ConsentGate.verdict(EVERYONE, accepted("doctor", "patient", "guest"))).isEqualTo(ALL_ACCEPTED);
        assertThat(ConsentGate.verdict(EVERYONE, accepted("guest", "doctor", "patient"))).isEqualTo(ALL_ACCEPTED);
    }

    @Test
    void shouldHandOutAPermitOnlyWhenEveryoneAccepted() {
        UUID recording = UUID.randomUUID();
        UUID visit = UUID.randomUUID();

        assertThat(ConsentGate.permit(recording, visit, EVERYONE, accepted("doctor", "patient"))).isEmpty();
        CapturePermit permit = ConsentGate.permit(recording, visit, EVERYONE, accepted("doctor", "patient", "guest")).orElseThrow();

        assertThat(permit.recordingId()).isEqualTo(recording);
        assertThat(permit.visitId()).isEqualTo(visit);
        assertThat(permit.consentedParticipants()).containsExactlyInAnyOrderElementsOf(EVERYONE);
    }

    @Test
    void shouldRefuseForGoodOnceAnyoneDeclinedEvenIfTheyAcceptLater() {
        List<ConsentGate.Decision> declinedThenAccepted = List.of(yes("doctor"), no("patient"), yes("patient"), yes("guest"));
        List<ConsentGate.Decision> acceptedThenDeclined = List.of(yes("doctor"), yes("patient"), yes("guest"), no("guest"));

        assertThat(ConsentGate.verdict(EVERYONE, List.of(no("doctor")))).isEqualTo(DECLINED);
        assertThat(ConsentGate.verdict(EVERYONE, declinedThenAccepted)).isEqualTo(DECLINED);
        assertThat(ConsentGate.verdict(EVERYONE, acceptedThenDeclined)).isEqualTo(DECLINED);
        assertThat(ConsentGate.permit(UUID.randomUUID(), UUID.randomUUID(), EVERYONE, declinedThenAccepted)).isEmpty();
    }

    @Test
    void shouldCountNothingFromPeopleTheRequestDidNotName() {
        List<ConsentGate.Decision> strangers = List.of(yes("doctor"), yes("patient"), yes("someone-else"), no("intruder"));

        assertThat(ConsentGate.verdict(EVERYONE, strangers)).isEqualTo(PENDING);
        assertThat(ConsentGate.verdict(List.of("doctor"), List.of(yes("doctor"), no("intruder")))).isEqualTo(ALL_ACCEPTED);
    }

    @Test
    void shouldNeverPermitARequestThatNamedNobody() {
        assertThat(ConsentGate.verdict(List.of(), accepted("doctor"))).isEqualTo(PENDING);
        assertThat(ConsentGate.permit(UUID.randomUUID(), UUID.randomUUID(), List.of(), accepted("doctor"))).isEmpty();
    }

    private static List<ConsentGate.Decision> accepted(String... participants) {
        return java.util.Arrays.stream(participants).map(ConsentGateTest::yes).toList();
    }

    private static ConsentGate.Decision yes(String participant) {
        return new ConsentGate.Decision(participant, true);
    }

    private static ConsentGate.Decision no(String participant) {
        return new ConsentGate.Decision(participant, false);
    }
}
