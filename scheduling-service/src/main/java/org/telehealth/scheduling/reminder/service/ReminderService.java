package org.telehealth.scheduling.reminder.service;

import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.jboss.logging.Logger;
import org.telehealth.scheduling.joinlink.JoinLink;
import org.telehealth.scheduling.joinlink.JoinLinkIssuer;
import org.telehealth.scheduling.reminder.ReminderConfig;
import org.telehealth.scheduling.reminder.ReminderKind;
import org.telehealth.scheduling.reminder.repository.DueReminder;
import org.telehealth.scheduling.reminder.repository.ReminderRepository;

/**
 * Sends the reminder emails that are due, each with a fresh join link of the visit's current
 * generation. One transaction per batch locks the due appointments (skipping those another instance
 * holds), sends their emails one by one and marks each sent, so two instances never send one
 * reminder twice. An email the mail server refuses is logged by appointment id (never the address)
 * and left unmarked for the next run; if the commit itself fails after emails went out, those are
 * sent again: a rare duplicate beats a missed visit.
 */
@ApplicationScoped
public class ReminderService {

    private static final Logger LOG = Logger.getLogger(ReminderService.class);

    private final Pool database;
    private final ReminderRepository reminders;
    private final JoinLinkIssuer links;
    private final ReactiveMailer mailer;
    private final ReminderConfig config;
    private final Clock clock;

    public ReminderService(Pool database, ReminderRepository reminders, JoinLinkIssuer links, ReactiveMailer mailer,
            ReminderConfig config, Clock clock) {
        this.database = database;
        this.reminders = reminders;
        this.links = links;
        this.mailer = mailer;
        this.config = config;
        this.clock = clock;
    }

    /** Sends the reminders of one batch of due visits; returns how many were sent and how many were due. */
    public Uni<BatchResult> sendDueBatch() {
        Instant now = clock.instant();
        Instant shortLeadEnd = config.shortLead().map(now::plus).orElse(now);
        return database.withTransaction(connection -> reminders
                .lockDue(connection, now, now.plus(config.lead()), shortLeadEnd, config.batchSize())
                .chain(due -> sendAll(connection, due, shortLeadEnd).map(sent -> new BatchResult(sent, due.size()))));
    }

    /** How one batch went: {@code sent} of {@code due} emails went out. */
    public record BatchResult(int sent, int due) {
    }

    private Uni<Integer> sendAll(SqlConnection connection, List<DueReminder> due, Instant shortLeadEnd) {
        Uni<Integer> sent = Uni.createFrom().item(0);
        for (DueReminder reminder : due) {
            sent = sent.chain(count -> reminder.kindDue(shortLeadEnd)
                    .map(kind -> send(connection, reminder, kind).map(ok -> ok ? count + 1 : count))
                    .orElseGet(() -> Uni.createFrom().item(count)));
        }
        return sent;
    }

    private Uni<Boolean> send(SqlConnection connection, DueReminder reminder, ReminderKind kind) {
        JoinLink link = links.issue(reminder.appointmentId(), reminder.patientId(), reminder.startsAt(), reminder.endsAt(),
                reminder.linkGeneration());
        return mailer.send(ReminderMail.of(kind, reminder.email(), reminder.startsAt(), zoneOf(reminder), link))
                .onItemOrFailure().transformToUni((nothing, failure) -> {
                    if (failure != null) {
                        LOG.warnf("reminder for appointment %s not sent (%s); the next run tries again",
                                reminder.appointmentId(), failure.getClass().getSimpleName());
                        return Uni.createFrom().item(false);
                    }
                    return reminders.markSent(connection, reminder.appointmentId(), kind, reminder.linkGeneration())
                            .invoke(() -> LOG.debugf("sent the %s reminder of appointment %s (generation %d)", kind,
                                    reminder.appointmentId(), reminder.linkGeneration()))
                            .replaceWith(true);
                });
    }

    /** The doctor's own zone when their schedule names one, else the configured display zone. */
    private ZoneId zoneOf(DueReminder reminder) {
        if (reminder.doctorTimeZone() != null) {
            try {
                return ZoneId.of(reminder.doctorTimeZone());
            } catch (DateTimeException unknownHere) {
                LOG.debugf("doctor's zone of appointment %s unknown to this JVM; using %s", reminder.appointmentId(),
                        config.displayZone());
            }
        }
        return config.displayZone();
    }
}
