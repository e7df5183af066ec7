package org.telehealth.scheduling.availability.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.telehealth.scheduling.availability.InvalidAvailabilityException;
import org.telehealth.scheduling.availability.WeeklyAvailability;
import org.telehealth.scheduling.availability.WeeklyRule;

/**
 * A doctor's weekly hours as the portal sends and reads them: an IANA zone, a slot length, and
 * rules like {@code {"day":"monday","start":"09:00","end":"12:30"}} in the doctor's local time.
 * Texts are parsed here so that a wrong value is reported with its field path.
 */
public record WeeklyAvailabilityBody(@NotNull String timeZone, int slotMinutes, @NotNull @Size(max = 70) @Valid List<Rule> weekly) {

    /** One weekly rule: day of week and local start/end times (HH:mm). */
    public record Rule(@NotNull String day, @NotNull String start, @NotNull String end) {
    }

    WeeklyAvailability toDomain() {
        List<WeeklyRule> rules = new ArrayList<>();
        for (int i = 0; i < weekly.size(); i++) {
            Rule rule = weekly.get(i);
            String at = "weekly[" + i + "]";
            try {
                rules.add(new WeeklyRule(day(rule.day(), at), time(rule.start(), at + ".start"), time(rule.end(), at + ".end")));
            } catch (InvalidAvailabilityException e) {
                throw e.field().startsWith("weekly[") ? e : e.within(at);
            }
        }
        ZoneId zone;
        try {
            zone = WeeklyAvailability.zoneOf(timeZone);
        } catch (InvalidAvailabilityException | DateTimeException e) {
            throw new InvalidAvailabilityException("timeZone", "must be an IANA time zone like Europe/Paris");
        }
        return new WeeklyAvailability(zone, slotMinutes, rules);
    }

    static WeeklyAvailabilityBody of(WeeklyAvailability availability) {
        return new WeeklyAvailabilityBody(availability.zone().getId(), availability.slotMinutes(), availability.weekly().stream()
                .map(rule -> new Rule(rule.day().name().toLowerCase(Locale.ROOT), rule.start().toString(), rule.end().toString()))
                .toList());
    }

    private static DayOfWeek day(String value, String at) {
        try {
            return DayOfWeek.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidAvailabilityException(at + ".day", "must be a day of the week like monday");
        }
    }

    private static LocalTime time(String value, String field) {
        try {
            return LocalTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidAvailabilityException(field, "must be a time like 09:30");
        }
    }
}
