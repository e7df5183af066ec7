package org.telehealth.scheduling.reminder;

/** Which of a visit's reminders an email is. */
public enum ReminderKind {
    /** Sent once the visit starts within {@code scheduling.reminder.lead} (a day by default). */
    UPCOMING,
    /** Sent once the visit starts within {@code scheduling.reminder.short-lead}, when that is set. */
    STARTING_SOON
}
