package org.telehealth.recording.session;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

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

    /** Local address the capture sockets bind to (media-service's fork sends there). */
    @WithDefault("127.0.0.1")
    String bindAddress();

    /** Host or IP media-service is told to send to, when it differs from the bind address (Kubernetes: the pod IP). */
    Optional<String> advertisedHost();

    /** First UDP port of the capture sockets, one per running capture; 0: any free port (then last-port is unused). */
    @WithDefault("40000")
    int firstPort();

    /** Last UDP port of the capture sockets: at most last - first + 1 captures run at once on this instance. */
    @WithDefault("40099")
    int lastPort();

    /** How often each running capture asks media-service whether its fork is still there. */
    @WithDefault("5s")
    Duration forkCheckInterval();

    /** A fork media-service has not confirmed for this long (gone, or unreachable) ends the capture as failed. */
    @WithDefault("30s")
    Duration forkLostAfter();
}
