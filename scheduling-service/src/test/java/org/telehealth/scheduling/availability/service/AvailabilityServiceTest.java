package org.telehealth.scheduling.availability.service;

import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.TUESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telehealth.infra.testing.KafkaTestResource;
import org.telehealth.infra.testing.PostgresTestResource;
import org.telehealth.infra.testing.TokenIssuerTestResource;
import org.telehealth.scheduling.availability.AvailabilityException;
import org.telehealth.scheduling.availability.FreeSlot;
import org.telehealth.scheduling.availability.InvalidAvailabilityException;
import org.telehealth.scheduling.availability.WeeklyAvailability;
import org.telehealth.scheduling.availability.WeeklyRule;

/** The availability service against the real schema: what it stores, and the appointments it sees. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(TokenIssuerTestResource.class)
class AvailabilityServiceTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final LocalDate A_MONDAY = LocalDate.parse("2026-12-07");
    private static final Instant BEFORE_IT_ALL = Instant.parse("2026-01-01T00:00:00Z");

    @Inject
    AvailabilityService service;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;
    @ConfigProperty(name = "quarkus.datasource.username")
    String user;
    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    private String doctor;

    @BeforeEach
    void pickANewDoctor() {
        doctor = "doctor-" + UUID.randomUUID();
    }

    @Test
    void shouldReadBackTheScheduleItReplaced() {
        WeeklyAvailability kolkata = new WeeklyAvailability(ZoneId.of("Asia/Kolkata"), 20,
                List.of(rule(TUESDAY, "14:00", "18:00"), rule(MONDAY, "09:00", "12:30")));

        await(() -> service.replaceSchedule(doctor, kolkata));

        assertThat(await(() -> service.schedule(doctor))).isEqualTo(kolkata);
    }

    @Test
    void shouldHaveNoScheduleForADoctorWhoNeverSetOneUp() {
        assertThat(await(() -> service.schedule(doctor))).isNull();
        assertThat(await(() -> service.freeSlots(doctor, A_MONDAY, A_MONDAY, BEFORE_IT_ALL))).isEmpty();
    }

    @Test
    void shouldReplaceEveryRuleEvenWithNewRulesThatOverlapTheOldOnes() {
        await(() -> service.replaceSchedule(doctor, parisMondays(rule(MONDAY, "09:00", "12:00"), rule(TUESDAY, "09:00", "12:00"))));
        WeeklyAvailability shifted = new WeeklyAvailability(ZoneId.of("America/New_York"), 45, List.of(rule(MONDAY, "10:00", "13:00")));

        await(() -> service.replaceSchedule(doctor, shifted));

        assertThat(await(() -> service.schedule(doctor))).isEqualTo(shifted);
    }

    @Test
    void shouldRefuseOverlappingWeeklyRulesBeforeTheyReachTheDatabase() {
        assertThatThrownBy(() -> parisMondays(rule(MONDAY, "09:00", "12:00"), rule(MONDAY, "11:30", "13:00")))
                .isInstanceOf(InvalidAvailabilityException.class)
                .hasMessageStartingWith("weekly[1] overlaps weekly[0]");
    }

    @Test
    void shouldLeaveOutTheSlotOfAnActiveAppointmentAndOfferItAgainOnceCancelled() throws SQLException {
        await(() -> service.replaceSchedule(doctor, parisMondays(rule(MONDAY, "09:00", "11:00"))));
        UUID appointment = insertAppointment(Instant.parse("2026-12-07T08:00:00Z"), Instant.parse("2026-12-07T09:00:00Z"), "SCHEDULED");

        assertThat(freeSlotsOnTheMonday()).containsExactly(slot("2026-12-07T09:00:00Z", "2026-12-07T10:00:00Z"));

        setStatus(appointment, "CANCELLED");

        assertThat(freeSlotsOnTheMonday()).containsExactly(slot("2026-12-07T08:00:00Z", "2026-12-07T09:00:00Z"),
                slot("2026-12-07T09:00:00Z", "2026-12-07T10:00:00Z"));
    }

    @Test
    void shouldCountWaitingAndInProgressAppointmentsAsBusyButNotCompletedOnes() throws SQLException {
        await(() -> service.replaceSchedule(doctor, parisMondays(rule(MONDAY, "09:00", "12:00"))));
        insertAppointment(Instant.parse("2026-12-07T08:00:00Z"), Instant.parse("2026-12-07T08:20:00Z"), "WAITING");
        insertAppointment(Instant.parse("2026-12-07T09:40:00Z"), Instant.parse("2026-12-07T10:00:00Z"), "IN_PROGRESS");
        insertAppointment(Instant.parse("2026-12-07T10:00:00Z"), Instant.parse("2026-12-07T10:30:00Z"), "COMPLETED");

        assertThat(freeSlotsOnTheMonday()).containsExactly(slot("2026-12-07T10:00:00Z", "2026-12-07T11:00:00Z"));
    }

    @Test
    void shouldOfferNoSlotOnTheDaysOfAnException() {
        await(() -> service.replaceSchedule(doctor, parisMondays(rule(MONDAY, "09:00", "11:00"))));

        AvailabilityException leave = await(() -> service.addException(doctor, A_MONDAY.minusDays(2), A_MONDAY, "family leave"));

        assertThat(freeSlotsOnTheMonday()).isEmpty();
        assertThat(await(() -> service.exceptions(doctor, A_MONDAY, A_MONDAY.plusDays(6)))).containsExactly(leave);
        assertThat(await(() -> service.exceptions(doctor, A_MONDAY.plusDays(1), A_MONDAY.plusDays(6)))).isEmpty();
    }

    @Test
    void shouldNotLetADoctorRemoveAnotherDoctorsException() {
        AvailabilityException holiday = await(() -> service.addException(doctor, A_MONDAY, A_MONDAY, null));
        String otherDoctor = "doctor-" + UUID.randomUUID();

        assertThat(await(() -> service.removeException(otherDoctor, holiday.id()))).isFalse();
        assertThat(await(() -> service.exceptions(doctor, A_MONDAY, A_MONDAY))).containsExactly(holiday);

        assertThat(await(() -> service.removeException(doctor, holiday.id()))).isTrue();
        assertThat(await(() -> service.exceptions(doctor, A_MONDAY, A_MONDAY))).isEmpty();
    }

    @Test
    void shouldFailTheUniForARangeLongerThan62Days() {
        assertThatThrownBy(() -> await(() -> service.freeSlots(doctor, A_MONDAY, A_MONDAY.plusDays(62), BEFORE_IT_ALL)))
                .isInstanceOf(InvalidAvailabilityException.class)
                .hasMessageContaining("at most 62 days");
    }

    private List<FreeSlot> freeSlotsOnTheMonday() {
        return await(() -> service.freeSlots(doctor, A_MONDAY, A_MONDAY, BEFORE_IT_ALL));
    }

    private static WeeklyAvailability parisMondays(WeeklyRule... rules) {
        return new WeeklyAvailability(PARIS, 60, List.of(rules));
    }

    private static WeeklyRule rule(DayOfWeek day, String start, String end) {
        return new WeeklyRule(day, LocalTime.parse(start), LocalTime.parse(end));
    }

    private static FreeSlot slot(String start, String end) {
        return new FreeSlot(Instant.parse(start), Instant.parse(end));
    }

    /** Runs the service on a Vert.x context, as a request would, and waits for its item. */
    private static <T> T await(Supplier<Uni<T>> call) {
        try {
            return VertxContextSupport.subscribeAndAwait(call);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private UUID insertAppointment(Instant start, Instant end, String status) throws SQLException {
        UUID patient = UUID.randomUUID();
        UUID appointment = UUID.randomUUID();
        try (Connection c = connect();
                PreparedStatement p = c.prepareStatement(
                        "insert into patient (id, full_name, date_of_birth) values (?, 'Test Patient', date '1980-01-01')");
                PreparedStatement a = c.prepareStatement("insert into appointment (id, doctor_id, patient_id, starts_at, ends_at, status)"
                        + " values (?, ?, ?, ?, ?, ?)")) {
            p.setObject(1, patient);
            p.executeUpdate();
            a.setObject(1, appointment);
            a.setString(2, doctor);
            a.setObject(3, patient);
            a.setTimestamp(4, Timestamp.from(start));
            a.setTimestamp(5, Timestamp.from(end));
            a.setString(6, status);
            a.executeUpdate();
        }
        return appointment;
    }

    private void setStatus(UUID appointment, String status) throws SQLException {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement("update appointment set status = ? where id = ?")) {
            s.setString(1, status);
            s.setObject(2, appointment);
            s.executeUpdate();
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }
}
