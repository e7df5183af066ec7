package org.telehealth.recording.library;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.telehealth.infra.testing.KafkaTestResource;
import org.telehealth.infra.testing.PostgresTestResource;
import org.telehealth.infra.testing.TokenIssuerTestResource;
import org.telehealth.recording.testsupport.RecordingFilesTestResource;

/**
 * The same matrix with the hospital's policy letting patients view ({@code recording.patients-may-view=true}):
 * patient A, whose account the request named, may list, read and play the recordings of their own
 * visit, never delete them; patient B sees nothing.
 */
@QuarkusTest
@TestProfile(PatientAccessTest.PatientsMayView.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(TokenIssuerTestResource.class)
@WithTestResource(RecordingFilesTestResource.class)
class PatientAccessTest extends AuthorizationMatrixTest {

    @Test
    @Override
    void shouldGiveEachCallerExactlyTheAccessTheirRoleAndTheVisitAllow() {
        // expected status per caller: anonymous, patientA, patientB, doctorX, doctorY, admin
        Map<String, Endpoint> endpoints = new LinkedHashMap<>();
        endpoints.put("list the visit's recordings", new Endpoint((visit, r) -> "GET /api/visits/" + visit + "/recordings",
                401, 200, 404, 200, 404, 200));
        endpoints.put("list an unknown visit's", new Endpoint((visit, r) -> "GET /api/visits/" + UUID.randomUUID() + "/recordings",
                401, 404, 404, 404, 404, 404));
        endpoints.put("get R", new Endpoint((visit, r) -> "GET /api/recordings/" + r, 401, 200, 404, 200, 404, 200));
        endpoints.put("get unknown", new Endpoint((visit, r) -> "GET /api/recordings/" + UUID.randomUUID(), 401, 404, 404, 404, 404, 404));
        endpoints.put("play R", new Endpoint((visit, r) -> "GET /api/recordings/" + r + "/content", 401, 200, 404, 200, 404, 200));
        endpoints.put("delete R", new Endpoint((visit, r) -> "DELETE /api/recordings/" + r, 401, 403, 404, 204, 404, 204));
        endpoints.put("delete unknown", new Endpoint((visit, r) -> "DELETE /api/recordings/" + UUID.randomUUID(),
                401, 404, 404, 404, 404, 404));

        assertThat(mismatches(endpoints)).isEmpty();
    }

    /** Patients may view the recordings of their own visits. */
    public static class PatientsMayView implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("recording.patients-may-view", "true");
        }
    }
}
