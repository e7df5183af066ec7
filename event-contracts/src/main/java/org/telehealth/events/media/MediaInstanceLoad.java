package org.telehealth.events.media;

import java.util.Objects;
import org.telehealth.events.EventType;

/**
 * How busy a media-service instance is, reported periodically so that signaling places new rooms
 * on the least loaded instance. Topic {@code telehealth.media}, key: instance id.
 *
 * @param controlUrl where signaling reaches this instance's control API
 * @param packetsPerSecond media packets received per second since the previous report
 * @param cpuLoad the instance's process CPU use, 0 to 1 of the whole machine (-1 if unknown)
 */
@EventType(name = "media.instance-load", version = 1)
public record MediaInstanceLoad(String instanceId, String controlUrl, int rooms, int participants, long packetsPerSecond,
        double cpuLoad) {

    public MediaInstanceLoad {
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(controlUrl, "controlUrl");
    }
}
