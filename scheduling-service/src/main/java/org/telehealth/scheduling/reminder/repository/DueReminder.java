package org.telehealth.scheduling.reminder.repository;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.telehealth.scheduling.reminder.ReminderKind;

/**
 * A scheduled visit that may need a reminder now, locked by the job's transaction: what the email
 * needs (where to send it, when the visit is, the doctor's time zone if they set one) and which
 * generations were already reminded. Holds the patient's email (PHI), so {@link #toString()} leaves
 * it out.
 */
public record DueReminder(UUID appointmentId, UUID patientId, Instant startsAt, Instant endsAt, int linkGeneration,
        Integer remindedGeneration, Integer shortRemindedGeneration, String email, String doctorTimeZone) {

    /**
     * The reminder this visit is due now: the short one when it starts by {@code shortLeadEnd} and has
     * not had it for this generation, otherwise the first one unless it had it. Empty when neither.
     */
    public Optional<ReminderKind> kindDue(Instant shortLeadEnd) {
        if (!startsAt.isAfter(shortLeadEnd)) {
            return Objects.equals(shortRemindedGeneration, linkGeneration)
                    ? Optional.empty() : Optional.of(ReminderKind.STARTING_SOON);
        }
        return Objects.equals(remindedGeneration, linkGeneration) ? Optional.empty() : Optional.of(ReminderKind.UPCOMING);
    }

    @Override
    public String toString() {
        return "DueReminder[appointment " + appointmentId + ", generation " + linkGeneration + "]";
    }
}
