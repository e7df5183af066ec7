package org.telehealth.scheduling.testsupport;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.UUID;
import org.telehealth.infra.testing.TestTokens;

/** The scheduling API as one doctor of a test uses it: a fresh Keycloak-like user per instance. */
public final class SchedulingApi {

    private final String username = "doctor." + UUID.randomUUID();
    private final String token = TestTokens.forUser(username, "doctor");

    /** The doctor's id, as appointments store it. */
    public String doctorId() {
        return TestTokens.subjectOf(username);
    }

    /** Registers a patient (with this email, or none when null) and returns their id. */
    public String registerPatient(String email) {
        String emailField = email == null ? "" : ",\"email\":\"" + email + "\"";
        return perform("POST /api/patients {\"fullName\":\"Dana Test\",\"dateOfBirth\":\"1981-04-05\"" + emailField + "}")
                .then().statusCode(201).extract().path("id");
    }

    /** Registers a patient who signs in to Keycloak as {@code keycloakUserId} and returns their id. */
    public String registerPatientWithAccount(String keycloakUserId) {
        return perform("POST /api/patients {\"fullName\":\"Dana Test\",\"dateOfBirth\":\"1981-04-05\",\"keycloakUserId\":\""
                + keycloakUserId + "\"}").then().statusCode(201).extract().path("id");
    }

    public Response book(String patientId, Instant startsAt, int minutes) {
        return perform("POST /api/appointments {\"patientId\":\"" + patientId + "\",\"startsAt\":\"" + startsAt
                + "\",\"durationMinutes\":" + minutes + "}");
    }

    /** Books and returns the new appointment's id, failing unless the API answered 201. */
    public String booked(String patientId, Instant startsAt, int minutes) {
        return book(patientId, startsAt, minutes).then().statusCode(201).extract().path("id");
    }

    public Response reschedule(String appointmentId, Instant startsAt, int minutes) {
        return perform("POST /api/appointments/" + appointmentId + "/reschedule {\"startsAt\":\"" + startsAt
                + "\",\"durationMinutes\":" + minutes + "}");
    }

    public Response cancel(String appointmentId) {
        return perform("POST /api/appointments/" + appointmentId + "/cancel {}");
    }

    /** The appointment's status as GET /api/appointments/{id} shows it. */
    public String status(String appointmentId) {
        return perform("GET /api/appointments/" + appointmentId).then().statusCode(200).extract().path("status");
    }

    /** Performs "METHOD path [json body]" as this doctor. */
    public Response perform(String call) {
        String[] parts = call.split(" ", 3);
        var request = given().auth().oauth2(token);
        if (parts.length == 3) {
            request = request.contentType(ContentType.JSON).body(parts[2]);
        }
        return request.request(parts[0], parts[1]);
    }
}
