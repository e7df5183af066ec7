package org.telehealth.scheduling.visit.listener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.telehealth.infra.testing.Eventually.eventually;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telehealth.events.EventCodec;
import org.telehealth.events.EventEnvelope;
import org.telehealth.events.Topics;
import org.telehealth.events.appointment.AppointmentStatusChanged;
import org.telehealth.events.visit.ParticipantRole;
import org.telehealth.events.visit.VisitEnded;
import org.telehealth.events.visit.VisitEvent;
import org.telehealth.events.visit.VisitEvents;
import org.telehealth.events.visit.VisitOpened;
import org.telehealth.events.visit.VisitParticipantAdmitted;
import org.telehealth.events.visit.VisitParticipantJoined;
import org.telehealth.events.visit.VisitParticipantLeft;
import org.telehealth.events.visit.VisitParticipantWaiting;
import org.telehealth.infra.testing.KafkaTestResource;
import org.telehealth.infra.testing.PostgresTestResource;
import org.telehealth.infra.testing.TokenIssuerTestResource;
import org.telehealth.scheduling.testsupport.AppointmentEventsReader;
import org.telehealth.scheduling.testsupport.CapturedLog;
import org.telehealth.scheduling.testsupport.Database;
import org.telehealth.scheduling.testsupport.Metrics;
import org.telehealth.scheduling.testsupport.SchedulingApi;

/**
 * Visit events produced to {@code telehealth.visits} as signaling will, through a real broker: the
 * appointment's status as the API shows it, and the {@code appointment.status-changed} events that
 * follow on {@code telehealth.appointments}.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(TokenIssuerTestResource.class)
class VisitEventsListenerTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String EVENTS = "scheduling_visit_events_total";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    AgroalDataSource dataSource;

    private final EventCodec codec = new EventCodec(VisitEvents.CATALOG);
    private final SchedulingApi api = new SchedulingApi();
    private final Instant start = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
    private KafkaProducer<String, byte[]> signaling;
    private String patient;

    @BeforeEach
    void connectAsSignaling() {
        signaling = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer());
        patient = api.registerPatient(null);
    }

    @AfterEach
    void disconnect() {
        signaling.close(Duration.ofSeconds(5));
    }

    @Test
    void shouldFollowThePatientFromWaitingRoomToTheEndOfTheVisit() {
        String id = api.booked(patient, start, 30);
        UUID visit = UUID.fromString(id);

        send(new VisitOpened(visit, api.doctorId(), start));
        send(new VisitParticipantWaiting(visit, patient, ParticipantRole.PATIENT, start));
        eventually(WAIT, () -> assertThat(api.status(id)).isEqualTo("WAITING"));
        send(new VisitParticipantAdmitted(visit, patient, ParticipantRole.PATIENT, start.plusSeconds(60)));
        send(new VisitParticipantJoined(visit, patient, ParticipantRole.PATIENT, start.plusSeconds(65)));
        eventually(WAIT, () -> assertThat(api.status(id)).isEqualTo("IN_PROGRESS"));
        send(new VisitParticipantLeft(visit, patient, ParticipantRole.PATIENT, start.plusSeconds(1500)));
        send(new VisitEnded(visit, api.doctorId(), start.plusSeconds(1510)));
        eventually(WAIT, () -> assertThat(api.status(id)).isEqualTo("COMPLETED"));

        assertThat(statusChangesOf(id, 3)).containsExactly(
                new AppointmentStatusChanged(visit, api.doctorId(), "SCHEDULED", "WAITING"),
                new AppointmentStatusChanged(visit, api.doctorId(), "WAITING", "IN_PROGRESS"),
                new AppointmentStatusChanged(visit, api.doctorId(), "IN_PROGRESS", "COMPLETED"));
    }

    @Test
    void shouldMarkANoShowWhenTheVisitEndsWithoutThePatient() {
        String id = api.booked(patient, start.plus(1, ChronoUnit.HOURS), 30);
        UUID visit = UUID.fromString(id);

        send(new VisitParticipantWaiting(visit, patient, ParticipantRole.PATIENT, start));
        send(new VisitEnded(visit, api.doctorId(), start.plus(100, ChronoUnit.MINUTES)));
        eventually(WAIT, () -> assertThat(api.status(id)).isEqualTo("NO_SHOW"));

        assertThat(statusChangesOf(id, 2)).extracting(AppointmentStatusChanged::status).containsExactly("WAITING", "NO_SHOW");
    }

    @Test
    void shouldIgnoreDoctorsAndGuestsAndARoomClosedBeforeTheStart() {
        String id = api.booked(patient, start.plus(2, ChronoUnit.HOURS), 30);
        UUID visit = UUID.fromString(id);

        send(new VisitParticipantJoined(visit, api.doctorId(), ParticipantRole.DOCTOR, start));
        send(new VisitParticipantWaiting(visit, "guest-1", ParticipantRole.GUEST, start));
        send(new VisitParticipantJoined(visit, "guest-1", ParticipantRole.GUEST, start));
        send(new VisitEnded(visit, api.doctorId(), start.plus(5, ChronoUnit.MINUTES)));
        send(new VisitParticipantWaiting(visit, patient, ParticipantRole.PATIENT, start.plus(2, ChronoUnit.HOURS)));
        eventually(WAIT, () -> assertThat(api.status(id)).isEqualTo("WAITING"));

        assertThat(statusChangesOf(id, 1)).extracting(AppointmentStatusChanged::status).containsExactly("WAITING");
    }

    @Test
    void shouldSkipAMalformedRecordAndApplyTheNextOne() {
        String id = api.booked(patient, start.plus(3, ChronoUnit.HOURS), 30);
        double malformedBefore = Metrics.counter(EVENTS, "outcome", "malformed");

        try (CapturedLog log = CapturedLog.open()) {
            sendRaw(id, "not an event: Jane Doe, 1980-01-01".getBytes(StandardCharsets.UTF_8));
            sendRaw(id, ("{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"visit.participant-joined\",\"version\":1,"
                    + "\"occurredAt\":\"" + start + "\",\"data\":{\"visitId\":\"Jane Doe\"}}").getBytes(StandardCharsets.UTF_8));
            sendRaw(id, null);
            send(new VisitParticipantWaiting(UUID.fromString(id), patient, ParticipantRole.PATIENT, start));

            eventually(WAIT, () -> assertThat(api.status(id)).isEqualTo("WAITING"));
            assertThat(log.text()).contains("skipped a record that is not a visit event").doesNotContain("Jane Doe");
        }
        assertThat(Metrics.counter(EVENTS, "outcome", "malformed")).isGreaterThanOrEqualTo(malformedBefore + 3);
    }

    @Test
    void shouldApplyARedeliveredEventOnlyOnce() {
        String id = api.booked(patient, start.plus(4, ChronoUnit.HOURS), 30);
        UUID visit = UUID.fromString(id);
        double duplicatesBefore = Metrics.counter(EVENTS, "outcome", "duplicate");
        EventEnvelope<?> waiting = EventEnvelope.of(new VisitParticipantWaiting(visit, patient, ParticipantRole.PATIENT, start), start);

        send(id, waiting);
        send(id, waiting);
        send(new VisitParticipantJoined(visit, patient, ParticipantRole.PATIENT, start));
        eventually(WAIT, () -> assertThat(api.status(id)).isEqualTo("IN_PROGRESS"));

        assertThat(Metrics.counter(EVENTS, "outcome", "duplicate")).isGreaterThanOrEqualTo(duplicatesBefore + 1);
        try (AppointmentEventsReader reader = new AppointmentEventsReader(bootstrap)) {
            reader.awaitEvents(id, events -> events.size() >= 3, WAIT);
            reader.readFor(Duration.ofSeconds(1));
            assertThat(reader.typesOf(id)).containsExactly("appointment.scheduled", "appointment.status-changed",
                    "appointment.status-changed");
        }
    }

    @Test
    void shouldIgnoreEventsOfUnknownVisits() {
        String id = api.booked(patient, start.plus(5, ChronoUnit.HOURS), 30);
        double unknownBefore = Metrics.counter(EVENTS, "outcome", "unknown_visit");

        send(new VisitParticipantJoined(UUID.randomUUID(), patient, ParticipantRole.PATIENT, start));
        send(new VisitParticipantJoined(UUID.fromString(id), patient, ParticipantRole.PATIENT, start));

        eventually(WAIT, () -> assertThat(api.status(id)).isEqualTo("IN_PROGRESS"));
        assertThat(Metrics.counter(EVENTS, "outcome", "unknown_visit")).isGreaterThanOrEqualTo(unknownBefore + 1);
    }

    @Test
    void shouldRetryAnEventWhoseTransactionFailedAndApplyItOnce() {
        String id = api.booked(patient, start.plus(6, ChronoUnit.HOURS), 30);
        UUID visit = UUID.fromString(id);
        EventEnvelope<?> joined = EventEnvelope.of(new VisitParticipantJoined(visit, patient, ParticipantRole.PATIENT, start), start);
        Database database = new Database(dataSource);
        // The first two transactions that handle this event fail in the database (a sequence is not
        // rolled back, so it counts the attempts); the third commits.
        database.update("create sequence failing_attempts");
        database.update("""
                create function fail_twice() returns trigger language plpgsql as $$
                begin
                    if new.event_id = '%s' and nextval('failing_attempts') <= 2 then
                        raise exception 'injected failure';
                    end if;
                    return new;
                end $$""".formatted(joined.id()));
        database.update("create trigger fail_twice before insert on visit_event_processed for each row execute function fail_twice()");
        try {
            send(id, joined);
            eventually(WAIT, () -> assertThat(api.status(id)).isEqualTo("IN_PROGRESS"));
            assertThat((Long) database.value("select last_value from failing_attempts")).as("attempts").isEqualTo(3);
        } finally {
            database.update("drop trigger fail_twice on visit_event_processed");
            database.update("drop function fail_twice()");
            database.update("drop sequence failing_attempts");
        }

        assertThat(statusChangesOf(id, 1)).extracting(AppointmentStatusChanged::status).containsExactly("IN_PROGRESS");
    }

    private List<AppointmentStatusChanged> statusChangesOf(String id, int count) {
        try (AppointmentEventsReader reader = new AppointmentEventsReader(bootstrap)) {
            reader.awaitEvents(id, events -> statusChanges(events).size() >= count, WAIT);
            reader.readFor(Duration.ofSeconds(1));
            return statusChanges(reader.eventsOf(id));
        }
    }

    private static List<AppointmentStatusChanged> statusChanges(List<EventEnvelope<?>> events) {
        return events.stream().map(EventEnvelope::data).filter(AppointmentStatusChanged.class::isInstance)
                .map(AppointmentStatusChanged.class::cast).toList();
    }

    private void send(VisitEvent event) {
        send(event.visitId().toString(), EventEnvelope.of((Record) event, event.at()));
    }

    private void send(String key, EventEnvelope<?> event) {
        sendRaw(key, codec.encode(event));
    }

    private void sendRaw(String key, byte[] value) {
        try {
            signaling.send(new ProducerRecord<>(Topics.VISITS, key, value)).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError("could not produce to " + Topics.VISITS, e);
        }
    }
}
