package org.telehealth.scheduling.reminder.service;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.telehealth.scheduling.reminder.ReminderConfig;

/**
 * Every {@code scheduling.reminder.check-interval} sends the reminders that are due, batch after
 * batch while batches come back full and every email went out. A failed run (database or mail
 * server away) is logged in one line; the next run tries again.
 */
@ApplicationScoped
public class ReminderJob {

    private static final Logger LOG = Logger.getLogger(ReminderJob.class);

    private final ReminderService reminders;
    private final ReminderConfig config;

    public ReminderJob(ReminderService reminders, ReminderConfig config) {
        this.reminders = reminders;
        this.config = config;
    }

    @Scheduled(every = "${scheduling.reminder.check-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "reminders")
    Uni<Void> scheduled() {
        if (!config.enabled()) {
            return Uni.createFrom().voidItem();
        }
        return sendDue()
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("reminder job failed (%s); the next run tries again", e.getClass().getSimpleName());
                    return 0;
                })
                .replaceWithVoid();
    }

    /** Sends every reminder due now; returns how many were sent. */
    public Uni<Integer> sendDue() {
        return sendFrom(0);
    }

    private Uni<Integer> sendFrom(int sentSoFar) {
        return reminders.sendDueBatch().chain(batch -> {
            int total = sentSoFar + batch.sent();
            if (batch.due() == config.batchSize() && batch.sent() == batch.due()) {
                return sendFrom(total);
            }
            if (total > 0) {
                LOG.infof("reminder job: %d reminders sent", total);
            }
            return Uni.createFrom().item(total);
        });
    }
}
