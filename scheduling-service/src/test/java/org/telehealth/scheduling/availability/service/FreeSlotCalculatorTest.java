package org.telehealth.scheduling.availability.service;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.telehealth.scheduling.availability.AvailabilityException;
import org.telehealth.scheduling.availability.BusyRange;
import org.telehealth.scheduling.availability.FreeSlot;
import org.telehealth.scheduling.availability.InvalidAvailabilityException;
import org.telehealth.scheduling.availability.WeeklyAvailability;
import org.telehealth.scheduling.availability.WeeklyRule;

/**
 * Free slots from weekly rules, alone: wall-clock rules in several zones, daylight saving transitions
 * of 2026 in Paris and New York, exceptions, busy ranges and the present moment.
 */
class FreeSlotCalculatorTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
    private static final Instant LONG_AGO = Instant.parse("2000-01-01T00:00:00Z");
    private static final LocalDate SPRING_FORWARD = LocalDate.parse("2026-03-29");
    private static final LocalDate FALL_BACK = LocalDate.parse("2026-10-25");
    private static final LocalDate A_WINTER_MONDAY = LocalDate.parse("2026-01-12");

    private final FreeSlotCalculator calculator = new FreeSlotCalculator();

    @Test
    void shouldSkipTheHourThatDoesNotExistWhenClocksSpringForward() {
        WeeklyAvailability paris = schedule(PARIS, 30, rule(SUNDAY, "01:30", "03:30"));

        List<FreeSlot> slots = calculator.freeSlots(paris, List.of(), List.of(), SPRING_FORWARD, SPRING_FORWARD, LONG_AGO);

        // 01:30 winter time lasts until 03:00 summer time; 02:00 and 02:30 do not exist and are not shifted.
        assertThat(starts(slots)).containsExactly("2026-03-29T00:30:00Z", "2026-03-29T01:00:00Z");
        assertThat(slots).noneMatch(slot -> slot.start().atZone(PARIS).getHour() == 2);
        assertThat(localStarts(slots, PARIS)).containsExactly("01:30", "03:00");
        assertThat(slots).allMatch(slot -> Duration.between(slot.start(), slot.end()).equals(Duration.ofMinutes(30)));
    }

    @Test
    void shouldDropASlotThatTheSpringForwardTransitionCutsThrough() {
        WeeklyAvailability paris = schedule(PARIS, 60, rule(SUNDAY, "01:30", "03:30"));

        List<FreeSlot> slots = calculator.freeSlots(paris, List.of(), List.of(), SPRING_FORWARD, SPRING_FORWARD, LONG_AGO);

        assertThat(slots).isEmpty();
    }

    @Test
    void shouldOfferTheRepeatedHourOnceAtItsFirstOccurrenceWhenClocksFallBack() {
        WeeklyAvailability paris = schedule(PARIS, 30, rule(SUNDAY, "01:00", "04:00"));

        List<FreeSlot> slots = calculator.freeSlots(paris, List.of(), List.of(), FALL_BACK, FALL_BACK, LONG_AGO);

        // 02:00-03:00 happens at 00:00Z (summer time) and again at 01:00Z (winter time): only the first.
        assertThat(starts(slots)).containsExactly("2026-10-24T23:00:00Z", "2026-10-24T23:30:00Z", "2026-10-25T00:00:00Z",
                "2026-10-25T00:30:00Z", "2026-10-25T02:00:00Z", "2026-10-25T02:30:00Z");
        assertThat(localStarts(slots, PARIS)).containsExactly("01:00", "01:30", "02:00", "02:30", "03:00", "03:30");
        assertThat(slots).allMatch(slot -> Duration.between(slot.start(), slot.end()).equals(Duration.ofMinutes(30)));
    }

    @Test
    void shouldDropASlotThatTheFallBackTransitionCutsThrough() {
        WeeklyAvailability paris = schedule(PARIS, 60, rule(SUNDAY, "01:30", "03:30"));

        List<FreeSlot> slots = calculator.freeSlots(paris, List.of(), List.of(), FALL_BACK, FALL_BACK, LONG_AGO);

        // 02:30 summer time + 60 min would end at 02:30 winter time, across the 01:00Z transition.
        assertThat(slots).containsExactly(slot("2026-10-24T23:30:00Z", "2026-10-25T00:30:00Z"));
    }

    @Test
    void shouldKeepTheDoctorsLocalHoursInNewYorkAcrossTheChangeToSummerTime() {
        WeeklyAvailability newYork = schedule(NEW_YORK, 30, rule(MONDAY, "09:00", "10:00"));

        List<FreeSlot> slots = calculator.freeSlots(newYork, List.of(), List.of(),
                LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-09"), LONG_AGO);

        // Clocks changed on Sunday 2026-03-08: 09:00 is 14:00Z before and 13:00Z after.
        assertThat(starts(slots)).containsExactly("2026-03-02T14:00:00Z", "2026-03-02T14:30:00Z",
                "2026-03-09T13:00:00Z", "2026-03-09T13:30:00Z");
    }

    @Test
    void shouldLaySlotsOnTheDoctorsLocalDatesInAHalfHourZoneLikeKolkata() {
        WeeklyAvailability kolkata = schedule(KOLKATA, 20, rule(WEDNESDAY, "00:00", "00:40"), rule(WEDNESDAY, "09:00", "10:00"));
        LocalDate wednesday = LocalDate.parse("2026-01-07");

        List<FreeSlot> slots = calculator.freeSlots(kolkata, List.of(), List.of(), wednesday, wednesday, LONG_AGO);

        // Wednesday 00:00 in Kolkata (+05:30) is still Tuesday in UTC.
        assertThat(starts(slots)).containsExactly("2026-01-06T18:30:00Z", "2026-01-06T18:50:00Z",
                "2026-01-07T03:30:00Z", "2026-01-07T03:50:00Z", "2026-01-07T04:10:00Z");
    }

    @Test
    void shouldOfferTheLastSlotOfARuleThatEndsExactlyWhenAnAppointmentStarts() {
        WeeklyAvailability paris = schedule(PARIS, 30, rule(MONDAY, "09:00", "10:00"));
        BusyRange atTen = busy("2026-01-12T09:00:00Z", "2026-01-12T09:30:00Z");

        List<FreeSlot> slots = calculator.freeSlots(paris, List.of(), List.of(atTen), A_WINTER_MONDAY, A_WINTER_MONDAY, LONG_AGO);

        assertThat(starts(slots)).containsExactly("2026-01-12T08:00:00Z", "2026-01-12T08:30:00Z");
    }

    @Test
    void shouldLeaveOutEverySlotThatABusyRangeOverlaps() {
        WeeklyAvailability paris = schedule(PARIS, 30, rule(MONDAY, "09:00", "11:00"));
        List<BusyRange> busy = List.of(
                busy("2026-01-12T07:30:00Z", "2026-01-12T08:30:00Z"), // ends when the 09:30 slot starts
                busy("2026-01-12T09:10:00Z", "2026-01-12T09:20:00Z")); // inside the 10:00 slot

        List<FreeSlot> slots = calculator.freeSlots(paris, List.of(), busy, A_WINTER_MONDAY, A_WINTER_MONDAY, LONG_AGO);

        assertThat(localStarts(slots, PARIS)).containsExactly("09:30", "10:30");
    }

    @Test
    void shouldSeeABusyRangeHiddenInsideALongerOverlappingOne() {
        WeeklyAvailability paris = schedule(PARIS, 30, rule(MONDAY, "09:00", "12:00"));
        List<BusyRange> busy = List.of(
                busy("2026-01-12T08:10:00Z", "2026-01-12T08:20:00Z"),
                busy("2026-01-12T10:30:00Z", "2026-01-12T10:35:00Z"),
                busy("2026-01-12T08:00:00Z", "2026-01-12T09:45:00Z"));

        List<FreeSlot> slots = calculator.freeSlots(paris, List.of(), busy, A_WINTER_MONDAY, A_WINTER_MONDAY, LONG_AGO);

        // 09:00 to 10:30 fall in the long range, whose end the short one starting after it must not hide.
        assertThat(localStarts(slots, PARIS)).containsExactly("11:00");
    }

    @Test
    void shouldLeaveOutEveryDayOfAnExceptionSpanningSeveralDays() {
        WeeklyAvailability paris = schedule(PARIS, 60, rule(MONDAY, "09:00", "10:00"), rule(TUESDAY, "09:00", "10:00"),
                rule(WEDNESDAY, "09:00", "10:00"), rule(THURSDAY, "09:00", "10:00"), rule(FRIDAY, "09:00", "10:00"));
        AvailabilityException leave = new AvailabilityException(UUID.randomUUID(),
                LocalDate.parse("2026-01-13"), LocalDate.parse("2026-01-15"), "conference");

        List<FreeSlot> slots = calculator.freeSlots(paris, List.of(leave), List.of(),
                A_WINTER_MONDAY, LocalDate.parse("2026-01-16"), LONG_AGO);

        assertThat(starts(slots)).containsExactly("2026-01-12T08:00:00Z", "2026-01-16T08:00:00Z");
    }

    @Test
    void shouldOfferNoSlotThatStartsBeforeNowButOneStartingRightNow() {
        WeeklyAvailability paris = schedule(PARIS, 60, rule(MONDAY, "09:00", "12:00"));

        List<FreeSlot> fromHalfPastTen = calculator.freeSlots(paris, List.of(), List.of(), A_WINTER_MONDAY, A_WINTER_MONDAY,
                Instant.parse("2026-01-12T09:30:00Z"));
        List<FreeSlot> fromEleven = calculator.freeSlots(paris, List.of(), List.of(), A_WINTER_MONDAY, A_WINTER_MONDAY,
                Instant.parse("2026-01-12T10:00:00Z"));

        assertThat(localStarts(fromHalfPastTen, PARIS)).containsExactly("11:00");
        assertThat(localStarts(fromEleven, PARIS)).containsExactly("11:00");
    }

    @Test
    void shouldNotOfferTheTailOfARuleThatIsShorterThanASlot() {
        WeeklyAvailability paris = schedule(PARIS, 30, rule(MONDAY, "09:00", "10:45"));

        List<FreeSlot> slots = calculator.freeSlots(paris, List.of(), List.of(), A_WINTER_MONDAY, A_WINTER_MONDAY, LONG_AGO);

        assertThat(localStarts(slots, PARIS)).containsExactly("09:00", "09:30", "10:00");
    }

    @Test
    void shouldListSlotsInChronologicalOrderWhateverTheOrderOfTheRules() {
        WeeklyAvailability paris = schedule(PARIS, 60, rule(TUESDAY, "14:00", "15:00"), rule(MONDAY, "14:00", "15:00"),
                rule(MONDAY, "08:00", "09:00"));

        List<FreeSlot> slots = calculator.freeSlots(paris, List.of(), List.of(), A_WINTER_MONDAY, A_WINTER_MONDAY.plusDays(7), LONG_AGO);

        assertThat(slots).hasSize(5).isSortedAccordingTo(Comparator.comparing(FreeSlot::start));
    }

    @Test
    void shouldComputeRangesOfUpTo62DaysAndRefuseLongerOnes() {
        WeeklyAvailability paris = schedule(PARIS, 60, rule(MONDAY, "09:00", "10:00"));
        LocalDate from = LocalDate.parse("2026-01-01");

        assertThat(calculator.freeSlots(paris, List.of(), List.of(), from, LocalDate.parse("2026-03-03"), LONG_AGO)).hasSize(9);
        assertThatThrownBy(() -> calculator.freeSlots(paris, List.of(), List.of(), from, LocalDate.parse("2026-03-04"), LONG_AGO))
                .isInstanceOf(InvalidAvailabilityException.class)
                .hasMessageContaining("at most 62 days")
                .hasMessageContaining("63 days");
    }

    @Test
    void shouldRefuseARangeThatEndsBeforeItStarts() {
        WeeklyAvailability paris = schedule(PARIS, 60, rule(MONDAY, "09:00", "10:00"));

        assertThatThrownBy(() -> calculator.freeSlots(paris, List.of(), List.of(), A_WINTER_MONDAY, A_WINTER_MONDAY.minusDays(1), LONG_AGO))
                .isInstanceOf(InvalidAvailabilityException.class)
                .hasMessageStartingWith("to must not be before from");
    }

    private static WeeklyAvailability schedule(ZoneId zone, int slotMinutes, WeeklyRule... rules) {
        return new WeeklyAvailability(zone, slotMinutes, Arrays.asList(rules));
    }

    private static WeeklyRule rule(DayOfWeek day, String start, String end) {
        return new WeeklyRule(day, LocalTime.parse(start), LocalTime.parse(end));
    }

    private static BusyRange busy(String start, String end) {
        return new BusyRange(Instant.parse(start), Instant.parse(end));
    }

    private static FreeSlot slot(String start, String end) {
        return new FreeSlot(Instant.parse(start), Instant.parse(end));
    }

    private static List<String> starts(List<FreeSlot> slots) {
        return slots.stream().map(slot -> slot.start().toString()).toList();
    }

    private static List<String> localStarts(List<FreeSlot> slots, ZoneId zone) {
        return slots.stream().map(slot -> slot.start().atZone(zone).toLocalTime().toString()).toList();
    }
}
