package org.telehealth.scheduling.availability.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.telehealth.scheduling.ApiCalls.perform;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telehealth.infra.testing.KafkaTestResource;
import org.telehealth.infra.testing.PostgresTestResource;
import org.telehealth.infra.testing.TestTokens;
import org.telehealth.infra.testing.TokenIssuerTestResource;

/** A doctor sets weekly hours and days off over the API and books from the free slots it offers. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(TokenIssuerTestResource.class)
class AvailabilityApiTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final String doctor = TestTokens.forUser("doctor.hours." + UUID.randomUUID(), "doctor");
    private final LocalDate monday = LocalDate.now(PARIS).plusWeeks(3).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));

    @BeforeEach
    void setMondayMornings() {
        perform(doctor, "PUT /api/doctors/me/availability {\"timeZone\":\"Europe/Paris\",\"slotMinutes\":30,"
                + "\"weekly\":[{\"day\":\"monday\",\"start\":\"09:00\",\"end\":\"11:00\"}]}")
                .then().statusCode(200).body("weekly[0].day", equalTo("monday")).body("timeZone", equalTo("Europe/Paris"));
    }

    @Test
    void shouldOfferMondaySlotsInTheDoctorsZoneAndDropABookedOne() {
        List<String> before = slots(monday);
        assertThat(before).containsExactly(utc(monday, "09:00"), utc(monday, "09:30"), utc(monday, "10:00"), utc(monday, "10:30"));

        String patient = perform(doctor, "POST /api/patients {\"fullName\":\"Slot Patient\",\"dateOfBirth\":\"1990-01-01\"}")
                .then().statusCode(201).extract().path("id");
        perform(doctor, "POST /api/appointments {\"patientId\":\"" + patient + "\",\"startsAt\":\"" + before.get(1)
                + "\",\"durationMinutes\":30}").then().statusCode(201);

        assertThat(slots(monday)).containsExactly(before.get(0), before.get(2), before.get(3));
    }

    @Test
    void shouldOfferNothingOnADayOff() {
        String id = perform(doctor, "POST /api/doctors/me/availability/exceptions {\"firstDay\":\"" + monday + "\",\"lastDay\":\""
                + monday + "\",\"reason\":\"conference\"}").then().statusCode(201).extract().path("id");
        assertThat(slots(monday)).isEmpty();

        perform(doctor, "DELETE /api/doctors/me/availability/exceptions/" + id).then().statusCode(204);
        assertThat(slots(monday)).hasSize(4);
        perform(doctor, "DELETE /api/doctors/me/availability/exceptions/" + id).then().statusCode(404);
    }

    @Test
    void shouldNameTheRuleThatIsWrongAndKeepTheHoursUnchanged() {
        perform(doctor, "PUT /api/doctors/me/availability {\"timeZone\":\"Europe/Paris\",\"slotMinutes\":30,\"weekly\":["
                + "{\"day\":\"monday\",\"start\":\"09:00\",\"end\":\"11:00\"},{\"day\":\"tuesday\",\"start\":\"14:00\",\"end\":\"13:00\"}]}")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("weekly[1].end"));
        perform(doctor, "PUT /api/doctors/me/availability {\"timeZone\":\"Europe/Paris\",\"slotMinutes\":30,\"weekly\":["
                + "{\"day\":\"someday\",\"start\":\"09:00\",\"end\":\"11:00\"}]}")
                .then().statusCode(400).body("errors[0].field", equalTo("weekly[0].day"));
        perform(doctor, "PUT /api/doctors/me/availability {\"timeZone\":\"Paris\",\"slotMinutes\":30,\"weekly\":[]}")
                .then().statusCode(400).body("errors[0].field", equalTo("timeZone"));

        perform(doctor, "GET /api/doctors/me/availability").then().statusCode(200).body("weekly.size()", equalTo(1));
    }

    @Test
    void shouldRefuseARangeLongerThanTwoMonths() {
        perform(doctor, "GET /api/doctors/me/free-slots?from=" + monday + "&to=" + monday.plusDays(90))
                .then().statusCode(400).contentType("application/problem+json");
    }

    private List<String> slots(LocalDate day) {
        return perform(doctor, "GET /api/doctors/me/free-slots?from=" + day + "&to=" + day)
                .then().statusCode(200).extract().jsonPath().getList("start", String.class);
    }

    private static String utc(LocalDate day, String localTime) {
        return day.atTime(java.time.LocalTime.parse(localTime)).atZone(PARIS).toInstant().toString();
    }
}
