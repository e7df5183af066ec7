package org.telehealth.scheduling.visit.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telehealth.events.EventEnvelope;
import org.telehealth.events.appointment.AppointmentStatusChanged;
import org.telehealth.infra.testing.KafkaTestResource;
import org.telehealth.infra.testing.PostgresTestResource;
import org.telehealth.infra.testing.TokenIssuerTestResource;
import org.telehealth.scheduling.testsupport.AppointmentEventsReader;
import org.telehealth.scheduling.testsupport.Database;
import org.telehealth.scheduling.testsupport.SchedulingApi;

/**
 * The no-show job against the real database: visits that never started are marked NO_SHOW once they
 * ended more than the grace period (30 min) ago, with their status-changed event; nothing else moves.
 * The API refuses bookings in the past, so the visits are written with SQL.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(TokenIssuerTestResource.class)
class NoShowJobTest {

    @Inject
    NoShowJob job;

    @Inject
    ProcessedVisitEventsPurge purge;

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private final SchedulingApi api = new SchedulingApi();
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private Database database;
    private UUID patient;

    @BeforeEach
    void registerPatient() {
        database = new Database(dataSource);
        patient = UUID.fromString(api.registerPatient(null));
    }

    @Test
    void shouldMarkVisitsNotStartedLongAfterTheirEndAsNoShows() throws Throwable {
        String lateScheduled = insert("SCHEDULED", minutesAgo(61), minutesAgo(31));
        String lateWaiting = insert("WAITING", minutesAgo(180), minutesAgo(120));
        String withinGrace = insert("SCHEDULED", minutesAgo(30), minutesAgo(10));
        String inProgress = insert("IN_PROGRESS", minutesAgo(240), minutesAgo(200));
        String cancelled = insert("CANCELLED", minutesAgo(300), minutesAgo(270));

        int marked = VertxContextSupport.subscribeAndAwait(() -> job.markNoShows());

        assertThat(marked).isGreaterThanOrEqualTo(0);
        assertThat(api.status(lateScheduled)).isEqualTo("NO_SHOW");
        assertThat(api.status(lateWaiting)).isEqualTo("NO_SHOW");
        assertThat(api.status(withinGrace)).isEqualTo("SCHEDULED");
        assertThat(api.status(inProgress)).isEqualTo("IN_PROGRESS");
        assertThat(api.status(cancelled)).isEqualTo("CANCELLED");
        try (AppointmentEventsReader reader = new AppointmentEventsReader(bootstrap)) {
            reader.awaitEvents(List.of(lateScheduled, lateWaiting), 1, Duration.ofSeconds(60));
            reader.readFor(Duration.ofSeconds(1));
            assertThat(dataOf(reader.eventsOf(lateScheduled))).containsExactly(
                    new AppointmentStatusChanged(UUID.fromString(lateScheduled), api.doctorId(), "SCHEDULED", "NO_SHOW"));
            assertThat(dataOf(reader.eventsOf(lateWaiting))).containsExactly(
                    new AppointmentStatusChanged(UUID.fromString(lateWaiting), api.doctorId(), "WAITING", "NO_SHOW"));
            assertThat(reader.eventsOf(withinGrace)).isEmpty();
        }
    }

    @Test
    void shouldForgetHandledVisitEventIdsAfterTheRetention() throws Throwable {
        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        database.update("insert into visit_event_processed (event_id, processed_at) values (?, ?)", old,
                now.minus(8, ChronoUnit.DAYS));
        database.update("insert into visit_event_processed (event_id, processed_at) values (?, ?)", recent,
                now.minus(6, ChronoUnit.DAYS));

        VertxContextSupport.subscribeAndAwait(() -> purge.purge());

        assertThat(database.value("select count(*) from visit_event_processed where event_id = ?", old)).isEqualTo(0L);
        assertThat(database.value("select count(*) from visit_event_processed where event_id = ?", recent)).isEqualTo(1L);
    }

    private static List<Record> dataOf(List<EventEnvelope<?>> events) {
        return events.stream().<Record>map(EventEnvelope::data).toList();
    }

    private Instant minutesAgo(int minutes) {
        return now.minus(minutes, ChronoUnit.MINUTES);
    }

    private String insert(String status, Instant startsAt, Instant endsAt) {
        UUID id = UUID.randomUUID();
        database.update("insert into appointment (id, doctor_id, patient_id, starts_at, ends_at, status) values (?, ?, ?, ?, ?, ?)",
                id, api.doctorId(), patient, startsAt, endsAt, status);
        return id.toString();
    }
}
