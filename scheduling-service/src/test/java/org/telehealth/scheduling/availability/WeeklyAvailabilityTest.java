package org.telehealth.scheduling.availability;

import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.TUESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A schedule that cannot be right never gets built, and the error names the field to fix. */
class WeeklyAvailabilityTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void shouldNameTheRuleThatOverlapsAnother() {
        List<WeeklyRule> rules = List.of(rule(MONDAY, "09:00", "12:00"), rule(TUESDAY, "09:00", "12:00"), rule(MONDAY, "11:00", "13:00"));

        assertThatThrownBy(() -> new WeeklyAvailability(PARIS, 30, rules))
                .isInstanceOf(InvalidAvailabilityException.class)
                .hasMessage("weekly[2] overlaps weekly[0] (MONDAY 11:00-13:00 and MONDAY 09:00-12:00)")
                .extracting(e -> ((InvalidAvailabilityException) e).field()).isEqualTo("weekly[2]");
    }

    @Test
    void shouldAcceptBackToBackRulesAndKeepThemSortedByDayAndStart() {
        WeeklyRule afternoon = rule(MONDAY, "12:00", "13:00");
        WeeklyRule tuesday = rule(TUESDAY, "08:00", "09:00");
        WeeklyRule morning = rule(MONDAY, "09:00", "12:00");

        WeeklyAvailability availability = new WeeklyAvailability(PARIS, 30, List.of(afternoon, tuesday, morning));

        assertThat(availability.weekly()).containsExactly(morning, afternoon, tuesday);
    }

    @Test
    void shouldRefuseARuleThatEndsBeforeItStartsNamingTheFieldOfTheRequest() {
        InvalidAvailabilityException error = catchInvalid(() -> rule(MONDAY, "10:00", "09:00"));

        assertThat(error.field()).isEqualTo("end");
        assertThat(error.within("weekly[2]")).hasMessage("weekly[2].end must be after start (10:00-09:00)");
    }

    @Test
    void shouldRefuseRuleTimesThatAreNotWholeMinutes() {
        assertThat(catchInvalid(() -> rule(MONDAY, "09:00:30", "10:00"))).hasMessage("start must be a whole minute, got 09:00:30");
    }

    @Test
    void shouldRefuseFixedOffsetsAsTheDoctorsZone() {
        assertThat(catchInvalid(() -> new WeeklyAvailability(ZoneOffset.ofHours(2), 30, List.of())).field()).isEqualTo("zone");
        assertThat(catchInvalid(() -> new WeeklyAvailability(ZoneId.of("UTC+2"), 30, List.of())).field()).isEqualTo("zone");
        assertThat(catchInvalid(() -> WeeklyAvailability.zoneOf("Mars/Olympus_Mons")))
                .hasMessage("zone must be an IANA time zone such as Europe/Paris, got Mars/Olympus_Mons");
        assertThat(WeeklyAvailability.zoneOf("America/Argentina/Buenos_Aires")).isEqualTo(ZoneId.of("America/Argentina/Buenos_Aires"));
    }

    @Test
    void shouldAcceptSlotsFrom5To240Minutes() {
        assertThat(new WeeklyAvailability(PARIS, 5, List.of()).slotMinutes()).isEqualTo(5);
        assertThat(new WeeklyAvailability(PARIS, 240, List.of()).slotMinutes()).isEqualTo(240);
        assertThat(catchInvalid(() -> new WeeklyAvailability(PARIS, 4, List.of())))
                .hasMessage("slotMinutes must be between 5 and 240, got 4");
        assertThat(catchInvalid(() -> new WeeklyAvailability(PARIS, 241, List.of())).field()).isEqualTo("slotMinutes");
    }

    @Test
    void shouldRefuseAnExceptionThatEndsBeforeItStartsOrHasATooLongReason() {
        LocalDate christmas = LocalDate.parse("2026-12-25");

        assertThat(catchInvalid(() -> new AvailabilityException(UUID.randomUUID(), christmas, christmas.minusDays(1), null)).field())
                .isEqualTo("lastDay");
        assertThat(catchInvalid(() -> new AvailabilityException(UUID.randomUUID(), christmas, christmas, "x".repeat(201))).field())
                .isEqualTo("reason");
        assertThat(new AvailabilityException(UUID.randomUUID(), christmas, christmas, "é".repeat(200)).reason()).hasSize(200);
        assertThat(new AvailabilityException(UUID.randomUUID(), christmas, christmas, "  ").reason()).isNull();
    }

    private static WeeklyRule rule(DayOfWeek day, String start, String end) {
        return new WeeklyRule(day, LocalTime.parse(start), LocalTime.parse(end));
    }

    private static InvalidAvailabilityException catchInvalid(Runnable construction) {
        try {
            construction.run();
        } catch (InvalidAvailabilityException e) {
            return e;
        }
        throw new AssertionError("expected an InvalidAvailabilityException");
    }
}
