package org.telehealth.scheduling.appointment.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
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
 * What the appointment events tell signaling about the patient, read back from the real topic:
 * the Keycloak account the patient signs in as (so that signaling admits their login to the
 * visit), in the booking and in every new time, or nothing when they have no account; never a
 * name or a date of birth.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(TokenIssuerTestResource.class)
class AppointmentEventsTest {

    private static final Duration DELIVERY = Duration.ofSeconds(60);

    @Inject
    AgroalDataSource dataSource;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private final SchedulingApi api = new SchedulingApi();
    private final Instant day = Instant.now().plus(70, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS);

    @Test
    void shouldNameThePatientsAccountInTheBookingAndInEveryNewTime() {
        String account = "kc-" + UUID.randomUUID();
        String patient = api.registerPatientWithAccount(account);
        String id = api.booked(patient, day.plus(9, ChronoUnit.HOURS), 30);
        api.reschedule(id, day.plus(11, ChronoUnit.HOURS), 30).then().statusCode(200);

        List<EventEnvelope<?>> events = eventsOf(id, 2);

        assertThat(events.get(0).data()).isInstanceOfSatisfying(AppointmentScheduled.class, booked -> {
            assertThat(booked.patientAccountId()).isEqualTo(account);
            assertThat(booked.patientId()).hasToString(patient);
        });
        assertThat(events.get(1).data()).isInstanceOfSatisfying(AppointmentRescheduled.class,
                moved -> assertThat(moved.patientAccountId()).isEqualTo(account));
        assertThat(outboxPayloadsOf(id)).contains(account).doesNotContain("Dana Test", "1981-04-05");
    }

    @Test
    void shouldNameNoAccountForAPatientWhoHasNone() {
        String patient = api.registerPatient(null);
        String id = api.booked(patient, day.plus(14, ChronoUnit.HOURS), 30);
        api.reschedule(id, day.plus(15, ChronoUnit.HOURS), 30).then().statusCode(200);
        api.cancel(id).then().statusCode(200);

        List<EventEnvelope<?>> events = eventsOf(id, 3);

        assertThat(events.get(0).data()).isInstanceOfSatisfying(AppointmentScheduled.class,
                booked -> assertThat(booked.patientAccountId()).isNull());
        assertThat(events.get(1).data()).isInstanceOfSatisfying(AppointmentRescheduled.class,
                moved -> assertThat(moved.patientAccountId()).isNull());
        assertThat(events.get(2).data()).isInstanceOf(AppointmentCancelled.class);
    }

    private List<EventEnvelope<?>> eventsOf(String appointmentId, int count) {
        try (AppointmentEventsReader reader = new AppointmentEventsReader(bootstrap)) {
            return reader.awaitEvents(appointmentId, events -> events.size() >= count, DELIVERY);
        }
    }

    /** The events as scheduling wrote them in its outbox, in the same transaction as the change. */
    private String outboxPayloadsOf(String appointmentId) {
        return (String) new Database(dataSource).value(
                "select string_agg(convert_from(payload, 'UTF8'), ' ' order by seq) from outbox_event where record_key = ?",
                appointmentId);
    }
}
