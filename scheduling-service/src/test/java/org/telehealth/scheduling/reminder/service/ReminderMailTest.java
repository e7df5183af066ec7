package org.telehealth.scheduling.reminder.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.mailer.Mail;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.telehealth.scheduling.joinlink.JoinLink;
import org.telehealth.scheduling.reminder.ReminderKind;

class ReminderMailTest {

    private static final Instant START = Instant.parse("2026-11-23T08:00:00Z");
    private static final JoinLink LINK = new JoinLink(URI.create("https://visit.example/visit/abc?t=token"), "token",
            Instant.parse("2026-11-23T07:45:00Z"), Instant.parse("2026-11-23T09:00:00Z"));

    @Test
    void shouldGiveTheDateTimeAndLinkWindowInTheZone() {
        Mail mail = ReminderMail.of(ReminderKind.UPCOMING, "p@example.test", START, ZoneId.of("Europe/Paris"), LINK);

        assertThat(mail.getTo()).containsExactly("p@example.test");
        assertThat(mail.getSubject()).isEqualTo("Reminder: your video visit on Monday 23 November 2026 at 09:00 (Europe/Paris)");
        assertThat(mail.getText()).contains("https://visit.example/visit/abc?t=token")
                .contains("The link works from 08:45 to 10:00.");
        assertThat(mail.getHtml()).isNull();
    }

    @Test
    void shouldSayThatTheVisitStartsSoonInTheShortReminder() {
        Mail mail = ReminderMail.of(ReminderKind.STARTING_SOON, "p@example.test", START, ZoneId.of("UTC"), LINK);

        assertThat(mail.getSubject()).isEqualTo("Your video visit starts soon, at 08:00 (UTC)");
    }
}
