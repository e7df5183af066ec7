package org.telehealth.recording.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the outbox relay sends events to Kafka. */
@ConfigMapping(prefix = "recording.outbox")
public interface OutboxRelayConfig {

    /** How often the relay looks for events to send (read by the relay's {@code @Scheduled}). */
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
