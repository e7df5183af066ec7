package org.telehealth.scheduling.appointment.repository;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telehealth.infra.testing.KafkaTestResource;
import org.telehealth.infra.testing.PostgresTestResource;
import org.telehealth.infra.testing.TokenIssuerTestResource;

/**
 * The database itself refuses overlapping active appointments of one doctor, so that no race between
 * requests or instances can double-book (PostgreSQL exclusion constraint from the Flyway migration).
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(TokenIssuerTestResource.class)
class NoDoubleBookingConstraintTest {

    private static final String EXCLUSION_VIOLATION = "23P01";

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;
    @ConfigProperty(name = "quarkus.datasource.username")
    String user;
    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    private UUID patient;
    private String doctor;

    @BeforeEach
    void createPatient() throws SQLException {
        patient = UUID.randomUUID();
        doctor = "doctor-" + UUID.randomUUID();
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(
                "insert into patient (id, full_name, date_of_birth) values (?, 'Test Patient', date '1980-01-01')")) {
            s.setObject(1, patient);
            s.executeUpdate();
        }
    }

    @Test
    void shouldLetExactlyOneOf64ConcurrentBookingsOfTheSameSlotThrough() throws Exception {
        Instant start = Instant.parse("2026-12-01T09:00:00Z");
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(64);
        List<Future<String>> outcomes = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            Callable<String> booking = () -> {
                try (Connection c = connect()) {
                    go.await();
                    insert(c, start, start.plusSeconds(1800), "SCHEDULED");
                    return "booked";
                } catch (SQLException e) {
                    return e.getSQLState();
                }
            };
            outcomes.add(pool.submit(booking));
        }
        go.countDown();
        List<String> results = new ArrayList<>();
        for (Future<String> outcome : outcomes) {
            results.add(outcome.get());
        }
        pool.shutdown();

        assertThat(results).filteredOn("booked"::equals).hasSize(1);
        assertThat(results).filteredOn(EXCLUSION_VIOLATION::equals).hasSize(63);
    }

    @Test
    void shouldAllowBackToBackVisitsButNotAnOverlap() throws SQLException {
        Instant nine = Instant.parse("2026-12-02T09:00:00Z");
        try (Connection c = connect()) {
            insert(c, nine, nine.plusSeconds(1800), "SCHEDULED");
            insert(c, nine.plusSeconds(1800), nine.plusSeconds(3600), "SCHEDULED");

            assertThat(sqlStateOf(() -> insert(c, nine.plusSeconds(1700), nine.plusSeconds(1900), "SCHEDULED")))
                    .isEqualTo(EXCLUSION_VIOLATION);
        }
    }

    @Test
    void shouldFreeTheSlotOfACancelledAppointment() throws SQLException {
        Instant ten = Instant.parse("2026-12-03T10:00:00Z");
        try (Connection c = connect()) {
            insert(c, ten, ten.plusSeconds(1800), "CANCELLED");
            insert(c, ten, ten.plusSeconds(1800), "SCHEDULED");

            assertThat(sqlStateOf(() -> insert(c, ten, ten.plusSeconds(900), "WAITING"))).isEqualTo(EXCLUSION_VIOLATION);
        }
    }

    @Test
    void shouldRefuseAnAppointmentThatEndsBeforeItStarts() throws SQLException {
        Instant eleven = Instant.parse("2026-12-04T11:00:00Z");
        try (Connection c = connect()) {
            assertThat(sqlStateOf(() -> insert(c, eleven, eleven.minusSeconds(60), "SCHEDULED"))).isEqualTo("23514");
        }
    }

    private interface Insert {
        void run() throws SQLException;
    }

    private static String sqlStateOf(Insert insert) {
        try {
            insert.run();
            return "no error";
        } catch (SQLException e) {
            return e.getSQLState();
        }
    }

    private void insert(Connection c, Instant start, Instant end, String status) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into appointment (id, doctor_id, patient_id, starts_at, ends_at, status)"
                + " values (?, ?, ?, ?, ?, ?)")) {
            s.setObject(1, UUID.randomUUID());
            s.setString(2, doctor);
            s.setObject(3, patient);
            s.setTimestamp(4, Timestamp.from(start));
            s.setTimestamp(5, Timestamp.from(end));
            s.setString(6, status);
            s.executeUpdate();
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }
}
