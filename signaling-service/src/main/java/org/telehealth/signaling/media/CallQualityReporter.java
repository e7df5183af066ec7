package org.telehealth.signaling.media;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.telehealth.signaling.config.SignalingConfig;
import org.telehealth.signaling.media.client.MediaControlClient;
import org.telehealth.signaling.media.placement.MediaInstance;
import org.telehealth.signaling.media.placement.MediaPlacement;
import org.telehealth.signaling.media.quality.QualityGrade;
import org.telehealth.signaling.protocol.ServerMessage;
import org.telehealth.signaling.room.PerVisitState;
import org.telehealth.signaling.room.VisitRoom;
import org.telehealth.signaling.room.VisitRooms;

/**
 * Every {@code signaling.media.quality-interval}, for each visit with participants in the call on
 * this instance, asks media-service for the stats of everyone in the call who has media, on any
 * instance, grades them ({@link QualityGrade}) and sends this instance's participants in the call
 * one {@code quality} message. Every instance of a visit polls for itself: simpler than sharing the
 * results, and media-service's stats are cheap to read. A visit whose previous poll is still under
 * way is skipped this time; a participant whose stats cannot be read is {@code unknown}. What the
 * last poll saw of a visit goes with its room.
 */
@ApplicationScoped
public class CallQualityReporter implements PerVisitState {

    private final VisitRooms rooms;
    private final MediaPlacement placement;
    private final MediaControlClient client;
    private final Vertx vertx;
    private final long intervalMillis;
    private final Map<UUID, Poll> polls = new ConcurrentHashMap<>();
    private long timer = -1;

    public CallQualityReporter(VisitRooms rooms, MediaPlacement placement, MediaControlClient client, Vertx vertx,
            SignalingConfig config) {
        this.rooms = rooms;
        this.placement = placement;
        this.client = client;
        this.vertx = vertx;
        this.intervalMillis = config.media().qualityInterval().toMillis();
    }

    void start(@Observes StartupEvent event) {
        // rooms take their lock to list who is in the call: not on an event loop
        timer = vertx.setPeriodic(intervalMillis, id -> vertx.executeBlocking(() -> {
            rooms.all().forEach(this::poll);
            return null;
        }, false));
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    @Override
    public void roomEvicted(VisitRoom room) {
        polls.remove(room.visitId());
    }

    private void poll(VisitRoom room) {
        if (!room.hasOwnInCall()) {
            polls.remove(room.visitId());
            return;
        }
        Optional<MediaInstance> instance = placement.placed(room.visitId());
        List<String> polled = room.inCallWithMedia().stream().sorted().toList();
        if (instance.isEmpty() || polled.isEmpty()) {
            return;
        }
        Poll poll = polls.computeIfAbsent(room.visitId(), id -> new Poll());
        if (!poll.running.compareAndSet(false, true)) {
            return;
        }
        poll.packetsSeen.keySet().retainAll(polled);
        String roomId = room.visitId().toString();
        List<Uni<ServerMessage.ParticipantQuality>> entries = polled.stream()
                .map(participantId -> client.stats(instance.get(), roomId, participantId)
                        .map(stats -> grade(poll, participantId, stats))
                        .onFailure().recoverWithItem(new ServerMessage.ParticipantQuality(participantId, "unknown", 0, null, 0)))
                .toList();
        Uni.join().all(entries).andCollectFailures()
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .subscribe().with(
                        qualities -> {
                            poll.running.set(false);
                            room.sendToCall(new ServerMessage.Quality(qualities.stream()
                                    .sorted(Comparator.comparing(ServerMessage.ParticipantQuality::participantId)).toList()));
                        },
                        failure -> poll.running.set(false));
    }

    private static ServerMessage.ParticipantQuality grade(Poll poll, String participantId, JsonNode stats) {
        Long before = poll.packetsSeen.put(participantId, QualityGrade.packets(stats));
        return QualityGrade.grade(participantId, stats, before == null ? OptionalLong.empty() : OptionalLong.of(before));
    }

    /** What the last poll of a visit saw of each participant, and whether one is under way. */
    private static final class Poll {
        private final Map<String, Long> packetsSeen = new ConcurrentHashMap<>();
        private final AtomicBoolean running = new AtomicBoolean();
    }
}
