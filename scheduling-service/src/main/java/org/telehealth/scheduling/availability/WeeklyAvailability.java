package org.telehealth.scheduling.availability;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A doctor's schedule: the IANA time zone the doctor works in, the length of a bookable slot, and the
 * weekly rules in that zone. It is replaced as a whole, so its checks see every rule at once.
 * Rules are kept sorted by day and start; the indices in error messages are those the caller gave.
 */
public record WeeklyAvailability(ZoneId zone, int slotMinutes, List<WeeklyRule> weekly) {

    public static final int MIN_SLOT_MINUTES = 5;
    public static final int MAX_SLOT_MINUTES = 240;

    private static final Comparator<WeeklyRule> BY_DAY_AND_START =
            Comparator.comparing(WeeklyRule::day).thenComparing(WeeklyRule::start);

    public WeeklyAvailability {
        requireIanaZone(zone);
        if (slotMinutes < MIN_SLOT_MINUTES || slotMinutes > MAX_SLOT_MINUTES) {
            throw new InvalidAvailabilityException("slotMinutes",
                    "must be between " + MIN_SLOT_MINUTES + " and " + MAX_SLOT_MINUTES + ", got " + slotMinutes);
        }
        if (weekly == null) {
            throw new InvalidAvailabilityException("weekly", "must be a list of rules (it may be empty)");
        }
        for (int i = 0; i < weekly.size(); i++) {
            if (weekly.get(i) == null) {
                throw new InvalidAvailabilityException("weekly[" + i + "]", "must be a rule");
            }
            for (int j = 0; j < i; j++) {
                if (weekly.get(i).overlaps(weekly.get(j))) {
                    throw new InvalidAvailabilityException("weekly[" + i + "]",
                            "overlaps weekly[" + j + "] (" + weekly.get(i) + " and " + weekly.get(j) + ")");
                }
            }
        }
        List<WeeklyRule> sorted = new ArrayList<>(weekly);
        sorted.sort(BY_DAY_AND_START);
        weekly = List.copyOf(sorted);
    }

    /**
     * The zone of that IANA id (Europe/Paris), refusing fixed offsets (+02:00, UTC+2): an offset is
     * wrong for half of the year wherever clocks change.
     */
    public static ZoneId zoneOf(String id) {
        if (id == null || !ZoneId.getAvailableZoneIds().contains(id)) {
            throw notIana(id);
        }
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw notIana(id);
        }
    }

    /** This schedule's rules for one day of the week, by start time. */
    public List<WeeklyRule> rulesOn(DayOfWeek day) {
        return weekly.stream().filter(rule -> rule.day() == day).toList();
    }

    private static void requireIanaZone(ZoneId zone) {
        if (zone == null || !ZoneId.getAvailableZoneIds().contains(zone.getId())) {
            throw notIana(zone == null ? null : zone.getId());
        }
    }

    private static InvalidAvailabilityException notIana(String id) {
        return new InvalidAvailabilityException("zone", "must be an IANA time zone such as Europe/Paris, got " + id);
    }
}
