package org.telehealth.recording.lifecycle.listener;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How recording-service follows the events of signaling (recording requests, consents, stops, visit ends). */
@ConfigMapping(prefix = "recording.events")
public interface EventsConfig {

    /**
     * How long the handling of one event is retried (database away, a concurrent change) before its
     * id is logged and it is skipped, so that one event cannot stop its partition forever.
     */
    @WithDefault("5m")
    Duration retryFor();

    /** How long the ids of handled events are kept to drop redeliveries; longer than any redelivery. */
    @WithDefault("P7D")
    Duration processedEventRetention();
}
