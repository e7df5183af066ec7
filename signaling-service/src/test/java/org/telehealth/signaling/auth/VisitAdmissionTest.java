package org.telehealth.signaling.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.telehealth.signaling.protocol.ErrorCode;
import org.telehealth.signaling.protocol.SignalingException;
import org.telehealth.signaling.visit.VisitDirectory;

/** Admission answers {@code visit-ended} from the directory alone, once the visit's room is gone. */
class VisitAdmissionTest {

    private static final UUID VISIT = UUID.randomUUID();
    private static final UUID PATIENT = UUID.randomUUID();

    private final VisitDirectory directory = new VisitDirectory();
    private final VisitAdmission admission = new VisitAdmission(directory);

    @Test
    void shouldRefuseEveryoneAVisitTheDirectoryKnowsIsOver() {
        directory.scheduled(VISIT, "doc", PATIENT, Instant.now(), Instant.now().plusSeconds(1800), 0, "patient-account");
        directory.ended(VISIT);

        assertThatThrownBy(() -> admission.admit(new Caller.KeycloakUser("doc", Set.of("doctor")), VISIT))
                .isInstanceOfSatisfying(SignalingException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VISIT_ENDED));
        assertThatThrownBy(() -> admission.admit(new Caller.LinkHolder(PATIENT, VISIT, 0), VISIT))
                .isInstanceOfSatisfying(SignalingException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VISIT_ENDED));
        assertThatThrownBy(() -> admission.admit(new Caller.KeycloakUser("patient-account", Set.of("patient")), VISIT))
                .as("the patient signed in to their own account")
                .isInstanceOfSatisfying(SignalingException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VISIT_ENDED));
        assertThatThrownBy(() -> admission.admit(new Caller.KeycloakUser("someone-else", Set.of("patient")), VISIT))
                .as("another patient learns nothing")
                .isInstanceOfSatisfying(SignalingException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN));
    }

    @Test
    void shouldRefuseAVisitKnownOnlyToBeOverAsEnded() {
        directory.ended(VISIT);

        assertThatThrownBy(() -> admission.admit(new Caller.KeycloakUser("admin-1", Set.of("admin")), VISIT))
                .isInstanceOfSatisfying(SignalingException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VISIT_ENDED));
    }
}
