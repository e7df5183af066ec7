package org.telehealth.support.outbox;

import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How the outbox relay sends events to Kafka. Not a mapping itself: each service maps it under its
 * own prefix with an empty {@code @ConfigMapping} interface extending this one (today
 * {@code scheduling.outbox} and {@code recording.outbox}).
 */
public interface OutboxRelaySettings {

    /** How often the relay looks for events to send (read by the service's {@code @Scheduled} relay job). */
    @WithDefault("1s")
    Duration pollInterval();

    /** Most events sent per round; the rest wait for the next round (which starts at once). */
    @WithDefault("200")
    int batchSize();

    /** How long a round waits for Kafka's acknowledgements before it gives up and retries later. */
    @WithDefault("10s")
    Duration sendTimeout();

    /** How long a sent event stays in the table (for inspection) before it is deleted. */
    @WithDefault("P1D")
    Duration keepPublished();
}
