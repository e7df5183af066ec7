package org.telehealth.scheduling.visit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How scheduling follows visits: signaling's events, and the no-show rule for visits that never started. */
@ConfigMapping(prefix = "scheduling.visit")
public interface VisitConfig {

    /** A visit still SCHEDULED or WAITING this long after its end becomes NO_SHOW. */
    @WithDefault("30m")
    Duration noShowGrace();

    /** How often the no-show job runs (read by its {@code @Scheduled}). */
    @WithDefault("1m")
    Duration noShowCheckInterval();

    /** Most appointments the no-show job changes per transaction. */
    @WithDefault("100")
    int noShowBatchSize();

    /** How long the ids of handled visit events are kept to recognise redeliveries; longer than any redelivery. */
    @WithDefault("P7D")
    Duration processedEventRetention();

    /**
     * How long the listener retries an event whose handling failed (database away, a concurrent edit)
     * before it logs the event's id and moves on, so that one event cannot stop the partition forever.
     */
    @WithDefault("5m")
    Duration retryFor();
}
