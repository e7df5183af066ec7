package org.telehealth.recording.session;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How this instance runs captures. */
@ConfigMapping(prefix = "recording.capture")
public interface CaptureConfig {

    /**
     * This instance's name, written on the recordings it captures: unique per instance and stable
     * across its restarts (a StatefulSet pod name), so that after a crash it finds and recovers
     * its own spool files and never another instance's.
     */
    String nodeId();

    /** How often the supervisor looks for stops requested through another instance and for recordings to recover. */
    @WithDefault("1s")
    Duration superviseInterval();

    /** How long to wait before trying again to store a finished recording the storage refused. */
    @WithDefault("30s")
    Duration storeRetryInterval();
}
