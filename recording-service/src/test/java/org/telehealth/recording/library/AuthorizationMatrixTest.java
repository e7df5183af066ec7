package org.telehealth.recording.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.telehealth.recording.testsupport.ApiCalls.perform;
import static org.telehealth.infra.testing.Eventually.eventually;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telehealth.infra.testing.KafkaTestResource;
import org.telehealth.infra.testing.PostgresTestResource;
import org.telehealth.infra.testing.TestTokens;
import org.telehealth.infra.testing.TokenIssuerTestResource;
import org.telehealth.recording.encryption.MasterKeyRing;
import org.telehealth.recording.storage.RecordingStorage;
import org.telehealth.recording.testsupport.Database;
import org.telehealth.recording.testsupport.RecordingFilesTestResource;
import org.telehealth.recording.testsupport.RecordingFixtures;

/**
 * Walks every endpoint of the recordings API for every kind of caller (anonymous, patient A of the
 * visit, patient B, doctor X of the visit, doctor Y, admin) against recording R of doctor X's visit
 * with patient A, under the default policy (patients may not view), and checks the status each gets:
 * nobody learns anything about recordings that are not theirs (404 exactly as for an unknown id),
 * and every one of these accesses, refused ones included, is in the audit log with its outcome.
 * Each cell runs on a fresh recording.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(TokenIssuerTestResource.class)
@WithTestResource(RecordingFilesTestResource.class)
class AuthorizationMatrixTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    RecordingStorage storage;

    @Inject
    MasterKeyRing keys;

    final String run = UUID.randomUUID().toString().substring(0, 8);
    final String doctorX = "doctor.x." + run;
    final String doctorY = "doctor.y." + run;
    final String patientA = "patient.a." + run;
    final String patientB = "patient.b." + run;
    final String admin = "admin." + run;
    RecordingFixtures fixtures;
    Database database;

    @BeforeEach
    void setUp() {
        fixtures = new RecordingFixtures(dataSource, storage, keys);
        database = new Database(dataSource);
    }

    /** The callers of the matrix, by column name; a null token means anonymous. */
    Map<String, String> callers() {
        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("anonymous", null);
        callers.put("patientA", TestTokens.forUser(patientA, "patient"));
        callers.put("patientB", TestTokens.forUser(patientB, "patient"));
        callers.put("doctorX", TestTokens.forUser(doctorX, "doctor"));
        callers.put("doctorY", TestTokens.forUser(doctorY, "doctor"));
        callers.put("admin", TestTokens.forUser(admin, "admin"));
        return callers;
    }

    @Test
    void shouldGiveEachCallerExactlyTheAccessTheirRoleAndTheVisitAllow() {
        // expected status per caller: anonymous, patientA, patientB, doctorX, doctorY, admin
        Map<String, Endpoint> endpoints = new LinkedHashMap<>();
        endpoints.put("list the visit's recordings", new Endpoint((visit, r) -> "GET /api/visits/" + visit + "/recordings",
                401, 403, 403, 200, 404, 200));
        endpoints.put("list an unknown visit's", new Endpoint((visit, r) -> "GET /api/visits/" + UUID.randomUUID() + "/recordings",
                401, 403, 403, 404, 404, 404));
        endpoints.put("get R", new Endpoint((visit, r) -> "GET /api/recordings/" + r, 401, 403, 403, 200, 404, 200));
        endpoints.put("get unknown", new Endpoint((visit, r) -> "GET /api/recordings/" + UUID.randomUUID(), 401, 403, 403, 404, 404, 404));
        endpoints.put("play R", new Endpoint((visit, r) -> "GET /api/recordings/" + r + "/content", 401, 403, 403, 200, 404, 200));
        endpoints.put("delete R", new Endpoint((visit, r) -> "DELETE /api/recordings/" + r, 401, 403, 403, 204, 404, 204));
        endpoints.put("delete unknown", new Endpoint((visit, r) -> "DELETE /api/recordings/" + UUID.randomUUID(),
                401, 403, 403, 404, 404, 404));

        assertThat(mismatches(endpoints)).isEmpty();
    }

    @Test
    void shouldKeepTheRecordOfADeletedRecordingAndItsContentGone() {
        UUID visit = UUID.randomUUID();
        UUID recording = newRecording(visit);

        perform(callers().get("doctorX"), "DELETE /api/recordings/" + recording).then().statusCode(204);

        assertThat(fixtures.storedFile(recording)).doesNotExist();
        Map<String, Object> row = database.rows("select status, deleted_by, deleted_at, chunk_index from recording where id = ?",
                recording).get(0);
        assertThat(row).containsEntry("status", "DELETED").containsEntry("deleted_by", TestTokens.subjectOf(doctorX));
        assertThat(row.get("deleted_at")).isNotNull();
        assertThat(row.get("chunk_index")).isNull();
        perform(callers().get("doctorX"), "GET /api/recordings/" + recording).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("deleted"));
        perform(callers().get("doctorX"), "GET /api/recordings/" + recording + "/content").then().statusCode(410)
                .contentType("application/problem+json");
        perform(callers().get("admin"), "DELETE /api/recordings/" + recording).then().statusCode(204);
        assertThat(database.value("select deleted_by from recording where id = ?", recording)).isEqualTo(TestTokens.subjectOf(doctorX));
    }

    @Test
    void shouldRefuseToPlayOrDeleteARecordingWithoutContent() {
        UUID visit = UUID.randomUUID();
        UUID waiting = fixtures.awaitingConsent(visit, TestTokens.subjectOf(doctorX), TestTokens.subjectOf(patientA));

        perform(callers().get("doctorX"), "GET /api/recordings/" + waiting + "/content").then().statusCode(409)
                .contentType("application/problem+json");
        perform(callers().get("doctorX"), "DELETE /api/recordings/" + waiting).then().statusCode(409);
        assertThat(database.value("select status from recording where id = ?", waiting)).isEqualTo("AWAITING_CONSENT");
    }

    @Test
    void shouldListOnlyTheRecordingsOfTheVisitAndShowTheirConsents() {
        UUID visit = UUID.randomUUID();
        UUID first = newRecording(visit);
        UUID second = newRecording(visit);
        newRecording(UUID.randomUUID());

        List<String> ids = perform(callers().get("doctorX"), "GET /api/visits/" + visit + "/recordings").then().statusCode(200)
                .extract().jsonPath().getList("id", String.class);

        assertThat(ids).containsExactlyInAnyOrder(first.toString(), second.toString());
    }

    List<String> mismatches(Map<String, Endpoint> endpoints) {
        List<String> mismatches = new ArrayList<>();
        for (Map.Entry<String, Endpoint> endpoint : endpoints.entrySet()) {
            int column = 0;
            for (Map.Entry<String, String> caller : callers().entrySet()) {
                UUID visit = UUID.randomUUID();
                UUID recording = newRecording(visit);
                String call = endpoint.getValue().call().apply(visit, recording);
                int status = perform(caller.getValue(), call).statusCode();
                int expected = endpoint.getValue().expected()[column++];
                String cell = endpoint.getKey() + " as " + caller.getKey();
                if (status != expected) {
                    mismatches.add(cell + ": " + status + ", expected " + expected);
                } else {
                    audited(cell, caller.getKey(), call, status).ifPresent(mismatches::add);
                }
            }
        }
        return mismatches;
    }

    /** A problem with the audit of one call, if any: there must be exactly one row, with the status answered. */
    private java.util.Optional<String> audited(String cell, String callerName, String call, int status) {
        String path = call.split(" ", 2)[1];
        String actor = callerName.equals("anonymous") ? "anonymous" : TestTokens.subjectOf(userOf(callerName));
        List<Map<String, Object>> rows = new ArrayList<>();
        eventually(Duration.ofSeconds(10), () -> {
            rows.clear();
            rows.addAll(auditRows(actor, path));
            assertThat(rows).isNotEmpty();
        });
        if (rows.size() != 1 || !Integer.valueOf(status).equals(rows.get(0).get("http_status"))) {
            return java.util.Optional.of(cell + ": audit rows " + rows);
        }
        return java.util.Optional.empty();
    }

    private List<Map<String, Object>> auditRows(String actor, String path) {
        String id = path.replaceAll(".*/([0-9a-f-]{36})(/.*)?$", "$1");
        return database.rows("select action, outcome, http_status from access_audit where actor_id = ? and (recording_id::text = ? "
                + "or visit_id::text = ? or detail like ?)", actor, id, id, "%" + id + "%");
    }

    private String userOf(String callerName) {
        return switch (callerName) {
            case "patientA" -> patientA;
            case "patientB" -> patientB;
            case "doctorX" -> doctorX;
            case "doctorY" -> doctorY;
            default -> admin;
        };
    }

    UUID newRecording(UUID visit) {
        return fixtures.completed(visit, TestTokens.subjectOf(doctorX), TestTokens.subjectOf(patientA),
                fixtures.randomVideo(50_000), Instant.now());
    }

    record Endpoint(BiFunction<UUID, UUID, String> call, int... expected) {
    }
}
