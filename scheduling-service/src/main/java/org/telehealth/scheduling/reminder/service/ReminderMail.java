package org.telehealth.scheduling.reminder.service;

import io.quarkus.mailer.Mail;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.telehealth.scheduling.joinlink.JoinLink;
import org.telehealth.scheduling.reminder.ReminderKind;

/**
 * The reminder email a patient gets: when the visit is, in the given zone, and the link that lets
 * them in. Deliberately plain: no doctor's name (the service knows doctors by account id only), no
 * patient's name or reason for the visit (mail passes through servers we do not run), and text
 * only, which every mail client shows.
 */
public final class ReminderMail {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private ReminderMail() {
    }

    public static Mail of(ReminderKind kind, String to, Instant startsAt, ZoneId zone, JoinLink link) {
        String day = DAY.format(startsAt.atZone(zone));
        String time = TIME.format(startsAt.atZone(zone)) + " (" + zone.getId() + ")";
        String subject = kind == ReminderKind.STARTING_SOON
                ? "Your video visit starts soon, at " + time
                : "Reminder: your video visit on " + day + " at " + time;
        String text = """
                Hello,

                this is a reminder of your video visit on %s at %s.

                To join, open this link in a current browser (Chrome, Firefox, Edge or Safari) a few minutes
                before the start, and allow the camera and microphone when asked:

                %s

                The link works from %s to %s. It is for you only: please do not forward it. If you cannot
                attend, please contact your practice to move or cancel the visit.

                This message was sent automatically; replies are not read.
                """.formatted(day, time, link.url(),
                TIME.format(link.validFrom().atZone(zone)), TIME.format(link.validUntil().atZone(zone)));
        return Mail.withText(to, subject, text);
    }
}
