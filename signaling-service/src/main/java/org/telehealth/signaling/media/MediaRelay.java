package org.telehealth.signaling.media;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.jboss.logging.Logger;
import org.telehealth.events.visit.VisitEnded;
import org.telehealth.events.visit.VisitParticipantLeft;
import org.telehealth.signaling.media.client.MediaControlClient;
import org.telehealth.signaling.media.client.MediaControlException;
import org.telehealth.signaling.media.placement.MediaInstance;
import org.telehealth.signaling.media.placement.MediaPlacement;
import org.telehealth.signaling.media.sdp.PublicationReader;
import org.telehealth.signaling.media.sdp.SdpSections;
import org.telehealth.signaling.protocol.ErrorCode;
import org.telehealth.signaling.protocol.ServerMessage;
import org.telehealth.signaling.protocol.SignalingException;
import org.telehealth.signaling.room.Participant;
import org.telehealth.signaling.room.VisitRoom;

/**
 * Connects a visit's call to its media room on a media-service instance: relays each participant's
 * SDP offer (the room and the participant are ensured first, so the first offer of a visit places
 * it), records what the accepted offer publishes in the visit room (which tells the others), removes
 * a participant's media when they leave the call and closes the media room when the visit ends. A
 * visit's calls run one at a time, in the order they were asked for.
 */
@ApplicationScoped
public class MediaRelay {

    private static final Logger LOG = Logger.getLogger(MediaRelay.class);

    private final Map<UUID, VisitMedia> visits = new ConcurrentHashMap<>();
    private final MediaControlClient client;
    private final MediaPlacement placement;
    private final Executor worker = Infrastructure.getDefaultWorkerPool();

    public MediaRelay(MediaControlClient client, MediaPlacement placement) {
        this.client = client;
        this.placement = placement;
    }

    /**
     * Relays a {@code media-offer}: refused at once when the sender is not in the call or the text is
     * plainly no SDP; otherwise queued, and answered later with {@code media-answer} or an error.
     */
    public void offer(VisitRoom room, Participant socket, String sdp) {
        long seat = room.mediaSeat(socket);
        SdpSections.requireOffer(sdp);
        VisitMedia media = visits.computeIfAbsent(room.visitId(), id -> new VisitMedia(room, new SerialTasks(worker)));
        media.tasks().submit(() -> negotiate(media, socket, seat, sdp));
    }

    /** Visits with a media room, for the quality poll. */
    Collection<VisitMedia> visits() {
        return List.copyOf(visits.values());
    }

    void participantLeft(@Observes VisitParticipantLeft left) {
        VisitMedia media = visits.get(left.visitId());
        if (media == null) {
            return;
        }
        String participantId = left.participantId();
        media.tasks().submit(() -> {
            media.packetsSeen().remove(participantId);
            Optional<MediaInstance> instance = placement.placed(left.visitId());
            if (!media.withMedia().remove(participantId) || instance.isEmpty()) {
                return done();
            }
            if (media.withMedia().isEmpty() && media.room().inCallIds().isEmpty()) {
                // the call is empty: free the instance; a later offer places the visit anew
                placement.forget(left.visitId(), instance.get());
                return quietly(client.closeRoom(instance.get(), media.roomId()), "close a room");
            }
            return quietly(client.removeParticipant(instance.get(), media.roomId(), participantId), "remove a participant");
        });
    }

    void visitEnded(@Observes VisitEnded ended) {
        VisitMedia media = visits.get(ended.visitId());
        if (media == null) {
            return;
        }
        media.tasks().submit(() -> {
            visits.remove(ended.visitId(), media);
            Optional<MediaInstance> instance = placement.placed(ended.visitId());
            if (instance.isEmpty()) {
                return done();
            }
            placement.forget(ended.visitId(), instance.get());
            return quietly(client.closeRoom(instance.get(), media.roomId()), "close a room");
        });
    }

    private CompletionStage<?> negotiate(VisitMedia media, Participant socket, long seat, String sdp) {
        VisitRoom room = media.room();
        String participantId = socket.id();
        if (!room.holdsSeat(participantId, seat)) {
            return done(); // left the call while the offer waited
        }
        MediaInstance instance = placement.placeOf(room.visitId());
        boolean alreadyAdded = media.withMedia().contains(participantId);
        return client.openRoom(instance, media.roomId())
                .onFailure().invoke(e -> {
                    if (media.withMedia().isEmpty()) {
                        placement.forget(room.visitId(), instance); // nobody's media is there: place anew next time
                    }
                })
                .chain(() -> client.addParticipant(instance, media.roomId(), participantId))
                .invoke(() -> media.withMedia().add(participantId))
                .chain(() -> client.answer(instance, media.roomId(), participantId, sdp))
                .onItem().transformToUni(answer -> {
                    room.published(participantId, seat, PublicationReader.read(sdp, answer));
                    socket.send(new ServerMessage.MediaAnswer(answer));
                    return Uni.createFrom().voidItem();
                })
                .onFailure().recoverWithUni(failure -> refused(media, instance, socket, alreadyAdded, failure))
                .subscribeAsCompletionStage();
    }

    /** Tells the sender why their offer failed; a participant this refused offer added is removed again. */
    private Uni<Void> refused(VisitMedia media, MediaInstance instance, Participant socket, boolean alreadyAdded,
            Throwable failure) {
        SignalingException error = failure instanceof MediaControlException e
                ? e.toSignaling()
                : new SignalingException(ErrorCode.MEDIA_UNAVAILABLE, "media is not available now");
        if (!(failure instanceof MediaControlException)) {
            LOG.warnf("Relaying an offer failed: %s", failure.getClass().getName());
        }
        socket.send(new ServerMessage.Error(error.code().wire(), error.getMessage()));
        if (alreadyAdded || !media.withMedia().remove(socket.id())) {
            return Uni.createFrom().voidItem();
        }
        return client.removeParticipant(instance, media.roomId(), socket.id()).onFailure().recoverWithNull().replaceWithVoid();
    }

    private static CompletionStage<?> quietly(Uni<Void> call, String what) {
        return call.onFailure().invoke(e -> LOG.warnf("Could not %s in media-service: %s", what,
                        e instanceof MediaControlException ? e.getMessage() : e.getClass().getSimpleName()))
                .onFailure().recoverWithNull()
                .subscribeAsCompletionStage();
    }

    private static CompletionStage<?> done() {
        return CompletableFuture.completedFuture(null);
    }
}
