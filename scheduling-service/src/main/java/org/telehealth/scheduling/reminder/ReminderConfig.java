package org.telehealth.scheduling.reminder;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

/** When patients get reminder emails for their visits, and how the email shows the time. */
@ConfigMapping(prefix = "scheduling.reminder")
public interface ReminderConfig {

    /** Whether the reminder job sends anything at all. */
    @WithDefault("true")
    boolean enabled();

    /** How often the job looks for visits to remind (read by its {@code @Scheduled}). */
    @WithDefault("1m")
    Duration checkInterval();

    /** A scheduled visit starting within this lead gets a reminder (once per link generation). */
    @WithDefault("24h")
    Duration lead();

    /**
     * Optional second, shorter lead (e.g. 15m): a visit starting within it gets a "starts soon"
     * reminder too, instead of the first one when it was booked this late. Unset: one reminder only.
     */
    Optional<Duration> shortLead();

    /** Time zone of the date and time in the email when the doctor's schedule names none. */
    @WithDefault("UTC")
    ZoneId displayZone();

    /** Most reminders sent per transaction (rows stay locked while their emails go out). */
    @WithDefault("20")
    int batchSize();
}
