package org.telehealth.signaling.media.placement;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.telehealth.signaling.config.SignalingConfig;

/**
 * Which media-service instance holds each visit's media room. A visit is placed once, on its first
 * offer, on the least loaded instance known then ({@code signaling.media.default-control-url} while
 * no report has arrived), and stays there: everyone in a call must reach the same SFU.
 */
@ApplicationScoped
public class MediaPlacement {

    static final String DEFAULT_INSTANCE = "default";

    private final Map<UUID, MediaInstance> placed = new ConcurrentHashMap<>();
    private final MediaInstances instances;
    private final MediaInstance fallback;

    public MediaPlacement(MediaInstances instances, SignalingConfig config) {
        this.instances = instances;
        this.fallback = new MediaInstance(DEFAULT_INSTANCE, URI.create(config.media().defaultControlUrl()));
    }

    /** The visit's instance, placing it now if it has none. */
    public MediaInstance placeOf(UUID visitId) {
        return placed.computeIfAbsent(visitId, id -> instances.leastLoaded(Instant.now()).orElse(fallback));
    }

    public Optional<MediaInstance> placed(UUID visitId) {
        return Optional.ofNullable(placed.get(visitId));
    }

    /** The visit's room is gone from {@code instance} (closed, or never opened there): the next offer places it anew. */
    public void forget(UUID visitId, MediaInstance instance) {
        placed.remove(visitId, instance);
    }
}
