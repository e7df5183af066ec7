package org.telehealth.scheduling.availability;

import java.time.DayOfWeek;
import java.time.LocalTime;

/**
 * "On Mondays from 09:00 to 12:00", in the doctor's own time zone: wall-clock times, not instants, so
 * that the rule keeps meaning 09:00 local across daylight saving changes. Whole minutes within one day
 * (a rule cannot run past midnight); the end is exclusive.
 */
public record WeeklyRule(DayOfWeek day, LocalTime start, LocalTime end) {

    public WeeklyRule {
        if (day == null) {
            throw new InvalidAvailabilityException("day", "must be a day of the week");
        }
        requireWholeMinute("start", start);
        requireWholeMinute("end", end);
        if (!end.isAfter(start)) {
            throw new InvalidAvailabilityException("end", "must be after start (" + start + "-" + end + ")");
        }
    }

    /** Whether this rule shares a minute with another one on the same day (back-to-back does not). */
    public boolean overlaps(WeeklyRule other) {
        return day == other.day && start.isBefore(other.end) && other.start.isBefore(end);
    }

    public int startMinute() {
        return start.toSecondOfDay() / 60;
    }

    public int endMinute() {
        return end.toSecondOfDay() / 60;
    }

    @Override
    public String toString() {
        return day + " " + start + "-" + end;
    }

    private static void requireWholeMinute(String field, LocalTime time) {
        if (time == null) {
            throw new InvalidAvailabilityException(field, "must be a time of day such as 09:00");
        }
        if (time.getSecond() != 0 || time.getNano() != 0) {
            throw new InvalidAvailabilityException(field, "must be a whole minute, got " + time);
        }
    }
}
