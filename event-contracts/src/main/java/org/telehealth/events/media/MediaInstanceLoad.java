package org.telehealth.events.media;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.util.Objects;
import org.telehealth.events.EventType;

/**
 * How busy a media-service instance is, reported periodically so that signaling places new rooms
 * on the least loaded instance that is not draining. Topic {@code telehealth.media}, key: instance
 * id.
 *
 * <p>{@code draining} joined version 1 as an optional field, which needs no new version (see
 * {@link org.telehealth.events.EventCodec}): its absence means what producers that predate it
 * meant, so a report without it (or with {@code null}) reads as {@code false}, and consumers that
 * predate it ignore it. Every other field stays required.
 *
 * @param controlUrl where signaling reaches this instance's control API
 * @param packetsPerSecond media packets received per second since the previous report
 * @param cpuLoad the instance's process CPU use, 0 to 1 of the whole machine (-1 if unknown)
 * @param draining the instance is being stopped: it refuses new rooms while its open rooms run on,
 *     so no new room may be placed on it
 */
@EventType(name = "media.instance-load", version = 1)
public record MediaInstanceLoad(String instanceId, String controlUrl, int rooms, int participants, long packetsPerSecond,
        double cpuLoad, @JsonSetter(nulls = Nulls.AS_EMPTY) boolean draining) {

    public MediaInstanceLoad {
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(controlUrl, "controlUrl");
    }

    /** The report of an instance that takes new rooms, as written before {@code draining} existed. */
    public MediaInstanceLoad(String instanceId, String controlUrl, int rooms, int participants, long packetsPerSecond,
            double cpuLoad) {
        this(instanceId, controlUrl, rooms, participants, packetsPerSecond, cpuLoad, false);
    }
}
