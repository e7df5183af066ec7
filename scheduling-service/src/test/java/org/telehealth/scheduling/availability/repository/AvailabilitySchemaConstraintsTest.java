package org.telehealth.scheduling.availability.repository;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telehealth.infra.testing.KafkaTestResource;
import org.telehealth.infra.testing.PostgresTestResource;
import org.telehealth.infra.testing.TokenIssuerTestResource;

/**
 * The availability tables refuse bad rows themselves, whatever writes them: overlapping weekly rules,
 * fixed offsets as time zones, impossible slot lengths and date ranges.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(TokenIssuerTestResource.class)
class AvailabilitySchemaConstraintsTest {

    private static final String EXCLUSION_VIOLATION = "23P01";
    private static final String CHECK_VIOLATION = "23514";

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;
    @ConfigProperty(name = "quarkus.datasource.username")
    String user;
    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    private String doctor;

    @BeforeEach
    void createASchedule() throws SQLException {
        doctor = "doctor-" + UUID.randomUUID();
        execute("insert into doctor_schedule (doctor_id, time_zone, slot_minutes) values (?, 'Europe/Paris', 30)", doctor);
    }

    @Test
    void shouldRefuseTwoOverlappingRulesOnTheSameDayButAllowBackToBackOnes() throws SQLException {
        insertRule(doctor, 1, "09:00", "12:00");
        insertRule(doctor, 1, "12:00", "13:00");

        assertThat(sqlStateOf(() -> insertRule(doctor, 1, "11:59", "12:30"))).isEqualTo(EXCLUSION_VIOLATION);
    }

    @Test
    void shouldAllowTheSameHoursOnAnotherDayOrForAnotherDoctor() throws SQLException {
        String otherDoctor = "doctor-" + UUID.randomUUID();
        execute("insert into doctor_schedule (doctor_id, time_zone, slot_minutes) values (?, 'Asia/Kolkata', 15)", otherDoctor);

        insertRule(doctor, 1, "09:00", "12:00");
        insertRule(doctor, 2, "09:00", "12:00");
        insertRule(otherDoctor, 1, "09:00", "12:00");
    }

    @Test
    void shouldRefuseARuleThatEndsBeforeItStartsOrIsNotInWholeMinutes() {
        assertThat(sqlStateOf(() -> insertRule(doctor, 1, "12:00", "09:00"))).isEqualTo(CHECK_VIOLATION);
        assertThat(sqlStateOf(() -> insertRule(doctor, 1, "09:00:30", "10:00"))).isEqualTo(CHECK_VIOLATION);
        assertThat(sqlStateOf(() -> insertRule(doctor, 8, "09:00", "10:00"))).isEqualTo(CHECK_VIOLATION);
    }

    @Test
    void shouldRefuseAFixedOffsetAsTimeZoneAndSlotsOutside5To240Minutes() {
        String insert = "insert into doctor_schedule (doctor_id, time_zone, slot_minutes) values (?, ?, ?)";

        assertThat(sqlStateOf(() -> execute(insert, "doctor-" + UUID.randomUUID(), "+02:00", 30))).isEqualTo(CHECK_VIOLATION);
        assertThat(sqlStateOf(() -> execute(insert, "doctor-" + UUID.randomUUID(), "", 30))).isEqualTo(CHECK_VIOLATION);
        assertThat(sqlStateOf(() -> execute(insert, "doctor-" + UUID.randomUUID(), "America/Port-au-Prince", 4)))
                .isEqualTo(CHECK_VIOLATION);
        assertThat(sqlStateOf(() -> execute(insert, "doctor-" + UUID.randomUUID(), "America/Port-au-Prince", 241)))
                .isEqualTo(CHECK_VIOLATION);
        assertThat(sqlStateOf(() -> execute(insert, "doctor-" + UUID.randomUUID(), "Etc/GMT+5", 240))).isEqualTo("no error");
    }

    @Test
    void shouldRefuseAnExceptionWhoseLastDayIsBeforeItsFirst() {
        String insert = "insert into availability_exception (id, doctor_id, first_day, last_day) values (?, ?, ?::date, ?::date)";

        assertThat(sqlStateOf(() -> execute(insert, UUID.randomUUID(), doctor, "2026-12-25", "2026-12-24"))).isEqualTo(CHECK_VIOLATION);
        assertThat(sqlStateOf(() -> execute(insert, UUID.randomUUID(), doctor, "2026-12-25", "2026-12-25"))).isEqualTo("no error");
    }

    private interface Statement {
        void run() throws SQLException;
    }

    private static String sqlStateOf(Statement statement) {
        try {
            statement.run();
            return "no error";
        } catch (SQLException e) {
            return e.getSQLState();
        }
    }

    private void insertRule(String doctorId, int day, String start, String end) throws SQLException {
        execute("insert into weekly_rule (id, doctor_id, day_of_week, start_time, end_time) values (?, ?, ?, ?::time, ?::time)",
                UUID.randomUUID(), doctorId, day, start, end);
    }

    private void execute(String sql, Object... parameters) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.executeUpdate();
        }
    }
}
