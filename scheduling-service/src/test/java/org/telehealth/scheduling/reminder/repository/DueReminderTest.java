package org.telehealth.scheduling.reminder.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.telehealth.scheduling.reminder.ReminderKind;

class DueReminderTest {

    private static final Instant START = Instant.parse("2026-11-23T09:00:00Z");
    private static final Instant SHORT_LEAD_END_BEFORE_START = START.minusSeconds(3600);
    private static final Instant SHORT_LEAD_END_AFTER_START = START.plusSeconds(60);

    @Test
    void shouldBeDueTheFirstReminderUntilSentForTheCurrentGeneration() {
        assertThat(reminder(2, null, null).kindDue(SHORT_LEAD_END_BEFORE_START)).contains(ReminderKind.UPCOMING);
        assertThat(reminder(2, 1, null).kindDue(SHORT_LEAD_END_BEFORE_START)).contains(ReminderKind.UPCOMING);
        assertThat(reminder(2, 2, null).kindDue(SHORT_LEAD_END_BEFORE_START)).isEmpty();
    }

    @Test
    void shouldBeDueTheShortReminderOnceWithinTheShortLeadWhateverTheFirstDid() {
        assertThat(reminder(1, null, null).kindDue(SHORT_LEAD_END_AFTER_START)).contains(ReminderKind.STARTING_SOON);
        assertThat(reminder(1, 1, null).kindDue(SHORT_LEAD_END_AFTER_START)).contains(ReminderKind.STARTING_SOON);
        assertThat(reminder(1, 1, 1).kindDue(SHORT_LEAD_END_AFTER_START)).isEmpty();
    }

    @Test
    void shouldKeepTheEmailAddressOutOfItsText() {
        assertThat(reminder(1, null, null).toString()).doesNotContain("@").contains("generation 1");
    }

    private static DueReminder reminder(int generation, Integer reminded, Integer shortReminded) {
        return new DueReminder(UUID.randomUUID(), UUID.randomUUID(), START, START.plusSeconds(1800), generation, reminded,
                shortReminded, "someone@example.test", null);
    }
}
