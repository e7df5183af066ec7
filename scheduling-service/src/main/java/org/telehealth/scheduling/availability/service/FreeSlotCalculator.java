package org.telehealth.scheduling.availability.service;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import org.telehealth.scheduling.availability.AvailabilityException;
import org.telehealth.scheduling.availability.BusyRange;
import org.telehealth.scheduling.availability.FreeSlot;
import org.telehealth.scheduling.availability.InvalidAvailabilityException;
import org.telehealth.scheduling.availability.WeeklyAvailability;
import org.telehealth.scheduling.availability.WeeklyRule;

/**
 * Lays a doctor's weekly rules onto real dates and instants and keeps the slots nobody has booked.
 * Pure and stateless (no clock, no database) so that the time-zone rules can be tested alone.
 *
 * <p>Slots start at each rule's start and follow one another on the doctor's wall clock (09:00,
 * 09:30, ...); a slot must fit before the rule's end, so a shorter tail is not offered. Dates are the
 * doctor's local dates. A slot is left out when its date is in an exception, when it overlaps a busy
 * range (touching one is fine: back-to-back visits), or when it starts before {@code now}.
 *
 * <p>Daylight saving time:
 * <ul>
 * <li>A start that does not exist (the hour skipped when clocks spring forward) is skipped, never
 * shifted into the next hour, where it would be a slot the doctor did not offer.</li>
 * <li>A start that exists twice (the hour repeated when clocks fall back) is offered once, at its
 * first occurrence (the earlier offset, as {@code java.time} resolves it): a patient reading
 * "02:30" would otherwise see two slots with the same name. The second pass of that hour is not
 * offered.</li>
 * <li>A slot lasts exactly the slot length in real time; one that a transition would cut through is
 * left out. A slot may end at the transition itself: in Paris on 2026-03-29 the slot starting at
 * 01:30 lasts 30 minutes and ends at 03:00, the first instant of summer time.</li>
 * </ul>
 */
public final class FreeSlotCalculator {

    /** Longest date range computed at once: two months bound the work and the answer of one request. */
    public static final int MAX_DAYS = 62;

    /** Fails unless [from, to] is an ordered range of at most {@link #MAX_DAYS} dates. */
    public static void requireRange(LocalDate from, LocalDate to) {
        if (from == null) {
            throw new InvalidAvailabilityException("from", "must be a date such as 2026-03-02");
        }
        if (to == null) {
            throw new InvalidAvailabilityException("to", "must be a date such as 2026-03-08");
        }
        if (to.isBefore(from)) {
            throw new InvalidAvailabilityException("to", "must not be before from (" + from + ".." + to + ")");
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (days > MAX_DAYS) {
            throw new InvalidAvailabilityException("to",
                    "must be at most " + MAX_DAYS + " days from from, inclusive (" + from + ".." + to + " is " + days + " days)");
        }
    }

    /** The free slots of local dates [from, to] in the doctor's zone, in chronological order. */
    public List<FreeSlot> freeSlots(WeeklyAvailability availability, List<AvailabilityException> exceptions,
            List<BusyRange> busy, LocalDate from, LocalDate to, Instant now) {
        requireRange(from, to);
        ZoneRules zoneRules = availability.zone().getRules();
        Duration length = Duration.ofMinutes(availability.slotMinutes());
        BusyTimes busyTimes = new BusyTimes(busy);
        List<FreeSlot> slots = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (isOff(day, exceptions)) {
                continue;
            }
            for (WeeklyRule rule : availability.rulesOn(day.getDayOfWeek())) {
                for (int minute = rule.startMinute(); minute + availability.slotMinutes() <= rule.endMinute();
                        minute += availability.slotMinutes()) {
                    Instant start = firstOccurrence(day.atStartOfDay().plusMinutes(minute), zoneRules);
                    if (start == null) {
                        continue;
                    }
                    Instant end = start.plus(length);
                    if (!start.isBefore(now) && !isCutByTransition(start, end, zoneRules) && !busyTimes.overlaps(start, end)) {
                        slots.add(new FreeSlot(start, end));
                    }
                }
            }
        }
        return slots;
    }

    private static boolean isOff(LocalDate day, List<AvailabilityException> exceptions) {
        return exceptions.stream().anyMatch(exception -> exception.covers(day));
    }

    /** The instant of a wall-clock time: null in a spring-forward gap, the earlier one in a fall-back overlap. */
    private static Instant firstOccurrence(LocalDateTime local, ZoneRules zoneRules) {
        ZoneOffsetTransition transition = zoneRules.getTransition(local);
        if (transition == null) {
            return local.toInstant(zoneRules.getOffset(local));
        }
        if (transition.isGap()) {
            return null;
        }
        return local.toInstant(transition.getOffsetBefore()); // the offset in force first, hence the earlier instant
    }

    /** Whether the offset changes strictly inside [start, end), which would make the slot's local end lie. */
    private static boolean isCutByTransition(Instant start, Instant end, ZoneRules zoneRules) {
        ZoneOffsetTransition next = zoneRules.nextTransition(start);
        return next != null && next.getInstant().isBefore(end);
    }
}
