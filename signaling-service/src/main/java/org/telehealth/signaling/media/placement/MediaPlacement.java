package org.telehealth.signaling.media.placement;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.telehealth.signaling.cluster.MediaRoomProposed;
import org.telehealth.signaling.cluster.MediaRoomReleased;
import org.telehealth.signaling.cluster.RoomFactPublisher;
import org.telehealth.signaling.config.SignalingConfig;

/**
 * Which media-service instance holds each visit's media room, agreed by every signaling instance:
 * everyone in a call must reach the same SFU, wherever their socket is. A visit is placed on its
 * first offer: the instance proposes the least loaded media instance it knows
 * ({@code signaling.media.default-control-url} while no report has arrived) on
 * {@code telehealth.signaling-rooms}, and every instance, itself included, takes the first proposal
 * of the visit's partition since its last release. The proposer uses the placement once it reads one
 * back, its own or another's; if none comes back within {@code signaling.rooms.placement-wait}
 * (Kafka away) it uses its own proposal until the partition says otherwise. A room that closes, or
 * could not be opened, is released the same way, and the next offer places the visit anew.
 */
@ApplicationScoped
public class MediaPlacement {

    static final String DEFAULT_INSTANCE = "default";

    private final Map<UUID, Placed> placed = new ConcurrentHashMap<>();
    private final Map<UUID, CompletableFuture<Placed>> awaited = new ConcurrentHashMap<>();
    private final MediaInstances instances;
    private final MediaInstance fallback;
    private final RoomFactPublisher facts;
    private final Duration wait;

    @Inject
    public MediaPlacement(MediaInstances instances, RoomFactPublisher facts, SignalingConfig config) {
        this(instances, facts, URI.create(config.media().defaultControlUrl()), config.rooms().placementWait());
    }

    MediaPlacement(MediaInstances instances, RoomFactPublisher facts, URI defaultControlUrl, Duration wait) {
        this.instances = instances;
        this.facts = facts;
        this.fallback = new MediaInstance(DEFAULT_INSTANCE, defaultControlUrl);
        this.wait = wait;
    }

    /**
     * The visit's instance, placing it if it has none. One call at a time per visit on this
     * instance (the visit's media calls run in order).
     */
    public Uni<MediaInstance> placeOf(UUID visitId) {
        Placed known = placed.get(visitId);
        if (known != null && !known.released()) {
            return Uni.createFrom().item(known.instance());
        }
        CompletableFuture<Placed> agreed = new CompletableFuture<>();
        awaited.put(visitId, agreed);
        MediaInstance choice = instances.leastLoaded(Instant.now()).orElse(fallback);
        long seq = facts.publish(number -> new MediaRoomProposed(visitId, facts.instance(), number, choice.id(),
                choice.controlUrl().toString()));
        Placed own = new Placed(facts.instance() + "/" + seq, choice, false, false);
        return Uni.createFrom().completionStage(agreed)
                .ifNoItem().after(wait).recoverWithItem(() -> assume(visitId, own))
                .invoke(() -> awaited.remove(visitId, agreed))
                .map(Placed::instance);
    }

    public Optional<MediaInstance> placed(UUID visitId) {
        return Optional.ofNullable(placed.get(visitId)).map(Placed::instance);
    }

    /**
     * The visit's room is gone from {@code instance} (closed, or never opened there): every instance
     * is told, and the next offer here places the visit anew (after the release in partition order).
     */
    public void forget(UUID visitId, MediaInstance instance) {
        Placed current = placed.get(visitId);
        if (current == null || current.released() || !current.instance().equals(instance)) {
            return;
        }
        if (!current.agreed()) {
            placed.remove(visitId, current); // only assumed here: nobody else knows it
            return;
        }
        placed.replace(visitId, current, current.releasing());
        facts.publish(number -> new MediaRoomReleased(visitId, facts.instance(), number, current.id()));
    }

    /** The first proposal since the last release places the visit, on every instance alike. */
    void proposed(@Observes MediaRoomProposed proposal) {
        URI controlUrl = MediaInstances.controlUrl(proposal.controlUrl());
        if (controlUrl == null) {
            return;
        }
        Placed candidate = new Placed(proposal.placementId(), new MediaInstance(proposal.mediaInstanceId(), controlUrl), true, false);
        Placed current = placed.compute(proposal.visitId(), (id, known) -> known == null || !known.agreed() ? candidate : known);
        if (current == candidate) {
            CompletableFuture<Placed> waiting = awaited.get(proposal.visitId());
            if (waiting != null) {
                waiting.complete(current);
            }
        }
    }

    void released(@Observes MediaRoomReleased release) {
        placed.computeIfPresent(release.visitId(), (id, known) -> known.id().equals(release.placementId()) ? null : known);
    }

    /** No placement came back in time: this instance goes on with its own proposal, unless one arrived meanwhile. */
    private Placed assume(UUID visitId, Placed own) {
        return placed.compute(visitId, (id, known) -> known == null || known.released() ? own : known);
    }

    /**
     * A placement: {@code agreed} once read from the partition (not just assumed after the wait),
     * {@code released} once this instance asked to release it (until the release comes back).
     */
    private record Placed(String id, MediaInstance instance, boolean agreed, boolean released) {
        Placed releasing() {
            return new Placed(id, instance, agreed, true);
        }
    }
}
