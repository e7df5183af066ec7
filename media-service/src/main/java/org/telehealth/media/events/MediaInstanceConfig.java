package org.telehealth.media.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How this media-service instance names itself in events, and how often it reports its load. */
@ConfigMapping(prefix = "media.instance")
public interface MediaInstanceConfig {

    /** Unique id of the instance (Kubernetes: the pod name). */
    @WithDefault("media-local")
    String id();

    /** Base URL of this instance's control API, as signaling-service reaches it. */
    @WithDefault("http://localhost:8083")
    String controlUrl();

    /** Interval between two load reports on Kafka. */
    @WithDefault("10s")
    Duration loadReportInterval();
}
