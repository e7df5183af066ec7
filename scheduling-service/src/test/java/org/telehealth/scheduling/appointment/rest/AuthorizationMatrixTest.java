package org.telehealth.scheduling.appointment.rest;

import static org.telehealth.scheduling.ApiCalls.perform;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telehealth.infra.testing.KafkaTestResource;
import org.telehealth.infra.testing.PostgresTestResource;
import org.telehealth.infra.testing.TestTokens;
import org.telehealth.infra.testing.TokenIssuerTestResource;

/**
 * Walks every endpoint of the scheduling API for every kind of caller (anonymous, patient A, patient
 * B, doctor X, doctor Y, admin) against appointment "A1" of doctor X with patient A, and checks the
 * status each gets: a caller learns nothing about appointments that are not theirs (404 exactly as
 * for an unknown id), and no role does what it may not. Each cell runs on a fresh appointment.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(TokenIssuerTestResource.class)
class AuthorizationMatrixTest {

    private static final AtomicInteger SLOT = new AtomicInteger();
    private static final Instant BASE = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String doctorX = "doctor.x." + run;
    private final String doctorY = "doctor.y." + run;
    private final String patientA = "patient.a." + run;
    private final String patientB = "patient.b." + run;
    private final String admin = "admin." + run;

    private String patientAId;

    /** The callers of the matrix, by column name; null token means anonymous. */
    private Map<String, String> callers() {
        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("anonymous", null);
        callers.put("patientA", TestTokens.forUser(patientA, "patient"));
        callers.put("patientB", TestTokens.forUser(patientB, "patient"));
        callers.put("doctorX", TestTokens.forUser(doctorX, "doctor"));
        callers.put("doctorY", TestTokens.forUser(doctorY, "doctor"));
        callers.put("admin", TestTokens.forUser(admin, "admin"));
        return callers;
    }

    @BeforeEach
    void registerPatients() {
        patientAId = registerPatient("Alice Patient", TestTokens.subjectOf(patientA));
        registerPatient("Bob Patient", TestTokens.subjectOf(patientB));
    }

    @Test
    void shouldGiveEachCallerExactlyTheAccessTheirRoleAndOwnershipAllow() {
        // expected status per caller: anonymous, patientA, patientB, doctorX, doctorY, admin
        Map<String, Endpoint> endpoints = new LinkedHashMap<>();
        endpoints.put("book for doctor X", new Endpoint(a -> bookFor(TestTokens.subjectOf(doctorX)), 401, 403, 403, 201, 403, 201));
        endpoints.put("list", new Endpoint(a -> "GET /api/appointments", 401, 200, 200, 200, 200, 200));
        endpoints.put("get A1", new Endpoint(a -> "GET /api/appointments/" + a, 401, 200, 404, 200, 404, 200));
        endpoints.put("get unknown", new Endpoint(a -> "GET /api/appointments/" + UUID.randomUUID(), 401, 404, 404, 404, 404, 404));
        endpoints.put("reschedule A1", new Endpoint(a -> "POST /api/appointments/" + a + "/reschedule "
                + "{\"startsAt\":\"" + nextSlot() + "\",\"durationMinutes\":30}", 401, 403, 404, 200, 404, 200));
        endpoints.put("cancel A1", new Endpoint(a -> "POST /api/appointments/" + a + "/cancel {}", 401, 403, 404, 200, 404, 200));
        endpoints.put("join link of A1", new Endpoint(a -> "GET /api/appointments/" + a + "/join-link", 401, 403, 404, 200, 404, 200));
        endpoints.put("invite a guest to A1", new Endpoint(a -> "POST /api/appointments/" + a + "/guest-links",
                401, 403, 404, 201, 404, 201));
        endpoints.put("set doctor X's hours", new Endpoint(a -> "PUT /api/doctors/" + TestTokens.subjectOf(doctorX) + "/availability "
                + "{\"timeZone\":\"Europe/Paris\",\"slotMinutes\":30,\"weekly\":[{\"day\":\"monday\",\"start\":\"09:00\",\"end\":\"12:00\"}]}",
                401, 403, 403, 200, 403, 200));
        endpoints.put("read doctor X's hours", new Endpoint(a -> "GET /api/doctors/" + TestTokens.subjectOf(doctorX) + "/availability",
                401, 403, 403, 200, 403, 200));
        endpoints.put("list doctor X's days off", new Endpoint(a -> "GET /api/doctors/" + TestTokens.subjectOf(doctorX)
                + "/availability/exceptions", 401, 403, 403, 200, 403, 200));
        endpoints.put("remove an unknown day off of doctor X", new Endpoint(a -> "DELETE /api/doctors/" + TestTokens.subjectOf(doctorX)
                + "/availability/exceptions/" + UUID.randomUUID(), 401, 403, 403, 404, 403, 404));
        endpoints.put("doctor X's free slots", new Endpoint(a -> "GET /api/doctors/" + TestTokens.subjectOf(doctorX) + "/free-slots",
                401, 403, 403, 200, 403, 200));
        endpoints.put("add doctor X's day off", new Endpoint(a -> "POST /api/doctors/" + TestTokens.subjectOf(doctorX)
                + "/availability/exceptions {\"firstDay\":\"2027-01-01\",\"lastDay\":\"2027-01-01\"}", 401, 403, 403, 201, 403, 201));
        endpoints.put("register patient", new Endpoint(a -> "POST /api/patients "
                + "{\"fullName\":\"New Patient\",\"dateOfBirth\":\"1990-05-01\"}", 401, 403, 403, 201, 201, 201));
        endpoints.put("search patients", new Endpoint(a -> "GET /api/patients?name=Patient", 401, 403, 403, 200, 200, 200));
        endpoints.put("get patient A", new Endpoint(a -> "GET /api/patients/" + patientAId, 401, 403, 403, 200, 200, 200));
        endpoints.put("who am I", new Endpoint(a -> "GET /api/me", 401, 200, 200, 200, 200, 200));

        List<String> mismatches = new ArrayList<>();
        for (Map.Entry<String, Endpoint> endpoint : endpoints.entrySet()) {
            int column = 0;
            for (Map.Entry<String, String> caller : callers().entrySet()) {
                String appointment = bookAsAdmin();
                String call = endpoint.getValue().call().apply(appointment);
                int status = perform(caller.getValue(), call).statusCode();
                int expected = endpoint.getValue().expected()[column++];
                if (status != expected) {
                    mismatches.add(endpoint.getKey() + " as " + caller.getKey() + ": " + status + ", expected " + expected);
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void shouldListOnlyTheCallersOwnAppointments() {
        String a1 = bookAsAdmin();
        Map<String, String> callers = callers();

        assertThat(listedIds(callers.get("patientA"))).contains(a1);
        assertThat(listedIds(callers.get("patientB"))).doesNotContain(a1);
        assertThat(listedIds(callers.get("doctorX"))).contains(a1);
        assertThat(listedIds(callers.get("doctorY"))).doesNotContain(a1);
        assertThat(listedIds(callers.get("admin"))).contains(a1);
    }

    @Test
    void shouldForbidADoctorToListAnotherDoctorsCalendar() {
        perform(callers().get("doctorY"), "GET /api/appointments?doctorId=" + TestTokens.subjectOf(doctorX))
                .then().statusCode(403).contentType("application/problem+json");
    }

    private List<String> listedIds(String token) {
        return perform(token, "GET /api/appointments?from=" + BASE.minus(1, ChronoUnit.DAYS))
                .then().statusCode(200).extract().jsonPath().getList("id", String.class);
    }

    private String bookAsAdmin() {
        return perform(TestTokens.forUser(admin, "admin"), bookFor(TestTokens.subjectOf(doctorX)))
                .then().statusCode(201).extract().path("id");
    }

    private String bookFor(String doctorId) {
        return "POST /api/appointments {\"doctorId\":\"" + doctorId + "\",\"patientId\":\"" + patientAId
                + "\",\"startsAt\":\"" + nextSlot() + "\",\"durationMinutes\":30,\"reason\":\"follow-up\"}";
    }

    private static Instant nextSlot() {
        return BASE.plus(SLOT.getAndIncrement(), ChronoUnit.HOURS);
    }

    private String registerPatient(String name, String keycloakUserId) {
        return perform(TestTokens.forUser(admin, "admin"), "POST /api/patients {\"fullName\":\"" + name
                + "\",\"dateOfBirth\":\"1980-02-03\",\"keycloakUserId\":\"" + keycloakUserId + "\"}")
                .then().statusCode(201).extract().path("id");
    }

    private record Endpoint(Function<String, String> call, int... expected) {
    }
}
