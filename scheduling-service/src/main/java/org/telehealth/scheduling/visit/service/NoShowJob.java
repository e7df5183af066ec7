package org.telehealth.scheduling.visit.service;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import org.jboss.logging.Logger;
import org.telehealth.scheduling.visit.VisitConfig;

/**
 * Runs {@link NoShowService} periodically over every visit that ended more than the grace period
 * ago, batch after batch. A failed run (database away) is logged and the next run tries again.
 */
@ApplicationScoped
public class NoShowJob {

    private static final Logger LOG = Logger.getLogger(NoShowJob.class);

    private final NoShowService noShows;
    private final VisitConfig config;
    private final Clock clock;

    public NoShowJob(NoShowService noShows, VisitConfig config, Clock clock) {
        this.noShows = noShows;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${scheduling.visit.no-show-check-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "no-show")
    Uni<Void> scheduled() {
        return markNoShows()
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("no-show job failed (%s); the next run tries again", e.getClass().getSimpleName());
                    return 0;
                })
                .replaceWithVoid();
    }

    /** Marks every visit not started that ended more than the grace period ago; returns how many. */
    public Uni<Integer> markNoShows() {
        return markFrom(clock.instant().minus(config.noShowGrace()), 0);
    }

    private Uni<Integer> markFrom(Instant endedBefore, int markedSoFar) {
        return noShows.markBatch(endedBefore, config.noShowBatchSize()).chain(marked -> {
            int total = markedSoFar + marked;
            if (marked < config.noShowBatchSize()) {
                if (total > 0) {
                    LOG.infof("no-show job: %d visits not started marked NO_SHOW", total);
                }
                return Uni.createFrom().item(total);
            }
            return markFrom(endedBefore, total);
        });
    }
}
