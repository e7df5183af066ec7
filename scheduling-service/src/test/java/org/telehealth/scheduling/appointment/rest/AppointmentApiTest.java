package org.telehealth.scheduling.appointment.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.telehealth.scheduling.ApiCalls.perform;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telehealth.infra.testing.KafkaTestResource;
import org.telehealth.infra.testing.PostgresTestResource;
import org.telehealth.infra.testing.TestTokens;
import org.telehealth.infra.testing.TokenIssuerTestResource;

/** Booking rules of the appointments API as a doctor's portal meets them. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(TokenIssuerTestResource.class)
class AppointmentApiTest {

    private final String doctor = TestTokens.forUser("doctor.api." + UUID.randomUUID(), "doctor");
    private final Instant day = Instant.now().plus(40, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS);
    private String patient;

    @BeforeEach
    void registerPatient() {
        patient = perform(doctor, "POST /api/patients {\"fullName\":\"Carol Test\",\"dateOfBirth\":\"1975-07-14\"}")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void shouldBookAVisitAndShowItWithThePatientsName() {
        Instant start = day.plus(9, ChronoUnit.HOURS);
        io.restassured.response.Response booked = book(start, 30);
        String id = booked.then().statusCode(201).extract().path("id");

        assertThat(booked.header("Location")).endsWith("/api/appointments/" + id);
        perform(doctor, "GET /api/appointments/" + id).then().statusCode(200)
                .body("startsAt", equalTo(start.toString()))
                .body("endsAt", equalTo(start.plus(30, ChronoUnit.MINUTES).toString()))
                .body("durationMinutes", equalTo(30))
                .body("patientName", equalTo("Carol Test"))
                .body("status", equalTo("SCHEDULED"));
    }

    @Test
    void shouldRefuseAnOverlappingVisitWithAProblemButAllowBackToBack() {
        Instant start = day.plus(10, ChronoUnit.HOURS);
        book(start, 30).then().statusCode(201);

        book(start.plus(15, ChronoUnit.MINUTES), 30).then().statusCode(409)
                .contentType("application/problem+json")
                .body("title", equalTo("Time not available"))
                .body("status", equalTo(409));
        book(start.plus(30, ChronoUnit.MINUTES), 30).then().statusCode(201);
    }

    @Test
    void shouldLetExactlyOneOf64ConcurrentRequestsBookTheSameSlot() throws Exception {
        Instant start = day.plus(11, ChronoUnit.HOURS);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(64);
        List<Future<Integer>> outcomes = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            outcomes.add(pool.submit(() -> {
                go.await();
                return book(start, 45).statusCode();
            }));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> outcome : outcomes) {
            statuses.add(outcome.get());
        }
        pool.shutdown();

        Map<Integer, Long> counts = statuses.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of(201, 1L, 409, 63L));
    }

    @Test
    void shouldNameTheFieldThatIsWrong() {
        perform(doctor, "POST /api/appointments {\"patientId\":\"" + patient + "\",\"startsAt\":\"" + day.plus(9, ChronoUnit.HOURS)
                + "\",\"durationMinutes\":2}").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("durationMinutes"));
        perform(doctor, "POST /api/appointments {\"startsAt\":\"" + day + "\",\"durationMinutes\":30}")
                .then().statusCode(400).body("errors[0].field", equalTo("patientId"));
        perform(doctor, "POST /api/appointments {\"patientId\":\"" + patient + "\",\"startsAt\":\"tomorrow\",\"durationMinutes\":30}")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("startsAt"));
        perform(doctor, "POST /api/appointments {\"patientId\":\"" + patient + "\",\"startsAt\":\"2020-01-01T09:00:00Z\",\"durationMinutes\":30}")
                .then().statusCode(400).body("errors[0].field", equalTo("startsAt"));
        perform(doctor, "POST /api/appointments {\"patientId\":\"" + UUID.randomUUID() + "\",\"startsAt\":\"" + day
                + "\",\"durationMinutes\":30}").then().statusCode(400).body("errors[0].field", equalTo("patientId"));
        perform(doctor, "GET /api/appointments?day=23-11-2026").then().statusCode(400).body("errors[0].field", equalTo("day"));
        perform(doctor, "GET /api/appointments?day=2026-11-23&zone=Mars/Olympus").then().statusCode(400)
                .body("errors[0].field", equalTo("zone"));
    }

    @Test
    void shouldAnswerMalformedJsonWithAProblemAndChangeNothing() {
        int before = perform(doctor, "GET /api/appointments").then().extract().jsonPath().getList("id").size();

        perform(doctor, "POST /api/appointments {\"patientId\": \"" + patient + "\", \"startsAt\": ")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("the body is not valid JSON"));

        assertThat(perform(doctor, "GET /api/appointments").then().extract().jsonPath().getList("id")).hasSize(before);
    }

    @Test
    void shouldFreeTheOldTimeWhenAVisitIsRescheduledAndTheTimeWhenCancelled() {
        Instant start = day.plus(13, ChronoUnit.HOURS);
        String id = book(start, 30).then().statusCode(201).extract().path("id");
        Instant later = start.plus(2, ChronoUnit.HOURS);

        perform(doctor, "POST /api/appointments/" + id + "/reschedule {\"startsAt\":\"" + later + "\",\"durationMinutes\":60}")
                .then().statusCode(200).body("startsAt", equalTo(later.toString())).body("durationMinutes", equalTo(60));
        String other = book(start, 30).then().statusCode(201).extract().path("id");
        book(later.plus(30, ChronoUnit.MINUTES), 15).then().statusCode(409);

        perform(doctor, "POST /api/appointments/" + id + "/cancel {\"reason\":\"patient asked\"}")
                .then().statusCode(200).body("status", equalTo("CANCELLED"));
        book(later.plus(30, ChronoUnit.MINUTES), 15).then().statusCode(201);
        perform(doctor, "POST /api/appointments/" + id + "/cancel {}").then().statusCode(409)
                .contentType("application/problem+json");
        perform(doctor, "POST /api/appointments/" + id + "/reschedule {\"startsAt\":\"" + later + "\",\"durationMinutes\":30}")
                .then().statusCode(409);
        assertThat(other).isNotEqualTo(id);
    }

    @Test
    void shouldListTheVisitsOfADayAsTheViewersTimeZoneSeesIt() {
        // 23:30 UTC is already the next day in Paris (UTC+1 in winter)
        Instant lateEvening = day.plus(23, ChronoUnit.HOURS).plus(30, ChronoUnit.MINUTES);
        String id = book(lateEvening, 20).then().statusCode(201).extract().path("id");
        String utcDay = day.toString().substring(0, 10);
        String parisDay = day.plus(1, ChronoUnit.DAYS).toString().substring(0, 10);

        perform(doctor, "GET /api/appointments?day=" + utcDay).then().statusCode(200).body("id", hasItem(id));
        perform(doctor, "GET /api/appointments?day=" + utcDay + "&zone=Europe/Paris").then().statusCode(200)
                .body("id", not(hasItem(id)));
        perform(doctor, "GET /api/appointments?day=" + parisDay + "&zone=Europe/Paris").then().statusCode(200)
                .body("id", hasItem(id));
        perform(doctor, "GET /api/appointments?day=" + utcDay + "&status=cancelled").then().statusCode(200)
                .body("id", not(hasItem(id)));
    }

    private io.restassured.response.Response book(Instant start, int minutes) {
        return perform(doctor, "POST /api/appointments {\"patientId\":\"" + patient + "\",\"startsAt\":\"" + start
                + "\",\"durationMinutes\":" + minutes + ",\"reason\":\"check-up\"}");
    }
}
