package org.telehealth.recording.fork;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;

/** How this service reaches media-service's control API to fork a visit's media. */
@ConfigMapping(prefix = "recording.media")
public interface MediaConfig {

    /**
     * Control API of the media-service instance hosting a visit's room when the recording request
     * does not name one (a signaling that predates {@code mediaControlUrl}; a single instance).
     */
    @WithDefault("http://localhost:8083")
    URI defaultControlUrl();

    /** Longest wait for one control API call, connecting included. */
    @WithDefault("5s")
    Duration requestTimeout();
}
