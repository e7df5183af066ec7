package org.telehealth.scheduling.outbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.telehealth.infra.testing.Eventually.eventually;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.telehealth.events.EventEnvelope;
import org.telehealth.events.appointment.AppointmentCancelled;
import org.telehealth.events.appointment.AppointmentRescheduled;
import org.telehealth.events.appointment.AppointmentScheduled;
import org.telehealth.infra.testing.KafkaTestResource;
import org.telehealth.infra.testing.PostgresTestResource;
import org.telehealth.infra.testing.TokenIssuerTestResource;
import org.telehealth.scheduling.testsupport.AppointmentEventsReader;
import org.telehealth.scheduling.testsupport.Database;
import org.telehealth.scheduling.testsupport.SchedulingApi;

/**
 * The outbox's promise, against a real broker: every appointment event the API acknowledged reaches
 * {@code telehealth.appointments}, in order per appointment, even when Kafka was down while the
 * changes were made; and the API never waits for Kafka.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(TokenIssuerTestResource.class)
class OutboxDeliveryTest {

    /** Far below the relay's Kafka timeouts (3 s to block, 10 s to deliver): an API call that waited for Kafka shows. */
    private static final Duration QUICK = Duration.ofSeconds(2);
    private static final Duration DELIVERY = Duration.ofSeconds(90);

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private final SchedulingApi api = new SchedulingApi();
    private final Instant day = Instant.now().plus(50, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS);

    @Test
    void shouldDeliverEveryEventOnceAndInOrderWhenKafkaComesBackAfterAnOutage() {
        String patient = api.registerPatient(null);
        List<String> ids = new ArrayList<>();

        KafkaTestResource.restartAfter(() -> {
            for (int i = 0; i < 10; i++) {
                Instant start = day.plus(2L * i, ChronoUnit.HOURS);
                String id = quickly(() -> api.book(patient, start, 30)).then().statusCode(201).extract().path("id");
                quickly(() -> api.reschedule(id, start.plus(1, ChronoUnit.HOURS), 45)).then().statusCode(200);
                quickly(() -> api.cancel(id)).then().statusCode(200);
                ids.add(id);
            }
            assertThat(unpublishedEventsOf(ids)).as("events waiting in the outbox while Kafka is down").isEqualTo(30);
        });
        awaitReadyAgain();

        try (AppointmentEventsReader reader = new AppointmentEventsReader(bootstrap)) {
            reader.awaitEvents(ids, 3, DELIVERY);
            reader.readFor(Duration.ofSeconds(2));
            for (String id : ids) {
                List<EventEnvelope<?>> events = reader.eventsOf(id);
                assertThat(events).extracting(EventEnvelope::type)
                        .containsExactly("appointment.scheduled", "appointment.rescheduled", "appointment.cancelled");
                assertThat(events.get(0).data()).isInstanceOfSatisfying(AppointmentScheduled.class,
                        e -> assertThat(e.linkGeneration()).isEqualTo(1));
                assertThat(events.get(1).data()).isInstanceOfSatisfying(AppointmentRescheduled.class,
                        e -> assertThat(e.linkGeneration()).isEqualTo(2));
                assertThat(events.get(2).data()).isInstanceOfSatisfying(AppointmentCancelled.class,
                        e -> assertThat(e.linkGeneration()).isEqualTo(3));
            }
        }
        eventually(Duration.ofSeconds(30), () -> assertThat(unpublishedEvents()).isZero());
    }

    @Test
    void shouldDeliverTheEventsOfTwoHundredAppointmentsBookedInARow() {
        String patient = api.registerPatient(null);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            ids.add(api.booked(patient, day.plus(15L * i, ChronoUnit.MINUTES), 15));
        }

        try (AppointmentEventsReader reader = new AppointmentEventsReader(bootstrap)) {
            reader.awaitEvents(ids, 1, DELIVERY);
            reader.readFor(Duration.ofSeconds(1));
            for (String id : ids) {
                assertThat(reader.typesOf(id)).as(id).containsExactly("appointment.scheduled");
            }
        }
        eventually(Duration.ofSeconds(30), () -> assertThat(unpublishedEvents()).isZero());
    }

    @Test
    void shouldHaveKafkaBackForTheNextTestsWhenATestFailsWhileItIsDown() {
        assertThatThrownBy(() -> KafkaTestResource.restartAfter(() -> {
            throw new AssertionError("a test failed while Kafka was down");
        })).hasMessage("a test failed while Kafka was down");
        awaitReadyAgain();

        String id = api.booked(api.registerPatient(null), day.plus(23, ChronoUnit.HOURS), 30);
        try (AppointmentEventsReader reader = new AppointmentEventsReader(bootstrap)) {
            reader.awaitEvents(List.of(id), 1, DELIVERY);
        }
    }

    /** Readiness turns UP again once the service reconnected: the test classes after this one need it too. */
    private static void awaitReadyAgain() {
        eventually(Duration.ofSeconds(90), () -> given().when().get("/q/health/ready").then().statusCode(200));
    }

    private static Response quickly(Supplier<Response> call) {
        long start = System.nanoTime();
        Response response = call.get();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("API answer time").isLessThan(QUICK);
        return response;
    }

    private long unpublishedEvents() {
        return (Long) new Database(dataSource).value("select count(*) from outbox_event where published_at is null");
    }

    private long unpublishedEventsOf(List<String> appointmentIds) {
        return (Long) new Database(dataSource).value(
                "select count(*) from outbox_event where published_at is null and record_key = any(string_to_array(?, ','))",
                String.join(",", appointmentIds));
    }
}
