package org.telehealth.signaling.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.telehealth.events.visit.ParticipantRole;
import org.telehealth.signaling.protocol.ErrorCode;
import org.telehealth.signaling.protocol.ServerMessage;
import org.telehealth.signaling.protocol.SignalingException;

class RecordingRequestTest {

    private final RecordingRequest request = new RecordingRequest(UUID.randomUUID(), "doc", call());

    @Test
    void shouldCountTheDoctorAsAcceptedAndWaitForEveryoneElseInTheOrderTheyEntered() {
        assertThat(request.waitingFor()).containsExactly("pat", "guest");
        assertThat(request.awaits("doc")).isFalse();

        request.answer("guest", true);

        assertThat(request.state()).isEqualTo(new ServerMessage.RecordingState(request.id(), "asking", List.of("pat"), null, null));
    }

    @Test
    void shouldRefuseAnswersOfTheDoctorOfSomeoneNotAskedAndASecondAcceptance() {
        request.answer("pat", true);

        assertRefused(() -> request.answer("doc", true));
        assertRefused(() -> request.answer("doc", false));
        assertRefused(() -> request.answer("stranger", false));
        assertRefused(() -> request.answer("pat", true));
        assertThat(request.waitingFor()).containsExactly("guest");
    }

    @Test
    void shouldLetSomeoneWhoAcceptedChangeTheirMindWhileAskingAndWhileRecording() {
        request.answer("pat", true);
        request.answer("pat", false);
        request.answer("guest", true);
        request.started();

        assertRefused(() -> request.answer("guest", true));
        request.answer("guest", false);
        request.stopped("declined", "guest");

        assertThat(request.isActive()).isFalse();
        assertThat(request.state()).isEqualTo(new ServerMessage.RecordingState(request.id(), "stopped", null, "declined", "guest"));
        assertRefused(() -> request.answer("pat", false));
    }

    @Test
    void shouldEndWithTheDeclineAndWhoDeclined() {
        request.answer("pat", false);
        request.declined("pat");

        assertThat(request.state()).isEqualTo(new ServerMessage.RecordingState(request.id(), "declined", null, "declined", "pat"));
        assertRefused(() -> request.answer("guest", true));
    }

    private static void assertRefused(Runnable answer) {
        assertThatThrownBy(answer::run).isInstanceOfSatisfying(SignalingException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_ALLOWED));
    }

    private static Map<String, ParticipantRole> call() {
        Map<String, ParticipantRole> call = new LinkedHashMap<>();
        call.put("doc", ParticipantRole.DOCTOR);
        call.put("pat", ParticipantRole.PATIENT);
        call.put("guest", ParticipantRole.GUEST);
        return call;
    }
}
