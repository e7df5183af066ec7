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
import java.util.Optional;
import java.util.OptionalLong;
import org.telehealth.signaling.config.SignalingConfig;
import org.telehealth.signaling.media.client.MediaControlClient;
import org.telehealth.signaling.media.placement.MediaInstance;
import org.telehealth.signaling.media.placement.MediaPlacement;
import org.telehealth.signaling.media.quality.QualityGrade;
import org.telehealth.signaling.protocol.ServerMessage;

/**
 * Every {@code signaling.media.quality-interval}, asks media-service for the stats of each
 * participant in a call who has media, grades them ({@link QualityGrade}) and sends the call one
 * {@code quality} message. A visit whose previous poll is still under way is skipped this time; a
 * participant whose stats cannot be read is {@code unknown}.
 */
@ApplicationScoped
public class CallQualityReporter {

    private final MediaRelay relay;
    private final MediaPlacement placement;
    private final MediaControlClient client;
    private final Vertx vertx;
    private final long intervalMillis;
    private long timer = -1;

    public CallQualityReporter(MediaRelay relay, MediaPlacement placement, MediaControlClient client, Vertx vertx,
            SignalingConfig config) {
        this.relay = relay;
        this.placement = placement;
        this.client = client;
        this.vertx = vertx;
        this.intervalMillis = config.media().qualityInterval().toMillis();
    }

    void start(@Observes StartupEvent event) {
        // rooms take their lock to list who is in the call: not on an event loop
        timer = vertx.setPeriodic(intervalMillis, id -> vertx.executeBlocking(() -> {
            relay.visits().forEach(this::poll);
            return null;
        }, false));
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private void poll(VisitMedia media) {
        Optional<MediaInstance> instance = placement.placed(media.room().visitId());
        List<String> polled = media.room().inCallIds().stream().filter(media.withMedia()::contains).sorted().toList();
        if (instance.isEmpty() || polled.isEmpty() || !media.startPoll()) {
            return;
        }
        List<Uni<ServerMessage.ParticipantQuality>> entries = polled.stream()
                .map(participantId -> client.stats(instance.get(), media.roomId(), participantId)
                        .map(stats -> grade(media, participantId, stats))
                        .onFailure().recoverWithItem(new ServerMessage.ParticipantQuality(participantId, "unknown", 0, null, 0)))
                .toList();
        Uni.join().all(entries).andCollectFailures()
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .subscribe().with(
                        qualities -> {
                            media.pollDone();
                            media.room().sendToCall(new ServerMessage.Quality(qualities.stream()
                                    .sorted(Comparator.comparing(ServerMessage.ParticipantQuality::participantId)).toList()));
                        },
                        failure -> media.pollDone());
    }

    private static ServerMessage.ParticipantQuality grade(VisitMedia media, String participantId, JsonNode stats) {
        Long before = media.packetsSeen().put(participantId, QualityGrade.packets(stats));
        return QualityGrade.grade(participantId, stats, before == null ? OptionalLong.empty() : OptionalLong.of(before));
    }
}
