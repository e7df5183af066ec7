package org.telehealth.signaling.media;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.jboss.logging.Logger;
import org.telehealth.events.visit.VisitEnded;
import org.telehealth.signaling.media.client.MediaControlClient;
import org.telehealth.signaling.media.client.MediaControlException;
import org.telehealth.signaling.media.placement.MediaInstance;
import org.telehealth.signaling.media.placement.MediaPlacement;
import org.telehealth.signaling.media.sdp.PublicationReader;
import org.telehealth.signaling.media.sdp.SdpSections;
import org.telehealth.signaling.protocol.ErrorCode;
import org.telehealth.signaling.protocol.ServerMessage;
import org.telehealth.signaling.protocol.SignalingException;
import org.telehealth.signaling.room.CallNotice;
import org.telehealth.signaling.room.Participant;
import org.telehealth.signaling.room.PerVisitState;
import org.telehealth.signaling.room.Publication;
import org.telehealth.signaling.room.VisitRoom;

/**
 * Connects a visit's call to its media room on a media-service instance: relays the SDP offers of
 * this instance's participants (the first offer of a visit places it, in agreement with the other
 * signaling instances; each offer is one request that opens the room and adds the participant if
 * need be, since the first is on the path from admission to the first frame), records what the accepted
 * offer publishes in the visit room (which tells everyone, on every instance), removes a participant's
 * media when they leave the call and closes the media room when the call empties or the visit ends.
 * A visit's calls from this instance run one at a time, in the order they were asked for; calls of
 * several instances for one visit may interleave, which media-service's per-participant, idempotent
 * API allows. A visit's queue goes when its room is evicted, once its calls are done; the visit's
 * placement does not: every signaling instance keeps it until the release comes through the
 * partition, so that they all go on agreeing on it.
 */
@ApplicationScoped
public class MediaRelay implements PerVisitState {

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
        VisitMedia media = mediaOf(room.visitId());
        media.tasks().submit(() -> negotiate(media, room, socket, seat, sdp));
    }

    void mediaLeft(@Observes CallNotice.MediaLeft left) {
        VisitMedia media = mediaOf(left.visitId());
        media.tasks().submit(() -> {
            Optional<MediaInstance> instance = placement.placed(left.visitId());
            return instance.isEmpty() ? done()
                    : quietly(client.removeParticipant(instance.get(), media.roomId(), left.participantId()), "remove a participant");
        });
    }

    /** The call emptied: the instances that relayed its media close the room, which frees the placement. */
    void callEmptied(@Observes CallNotice.CallEmptied emptied) {
        VisitMedia media = visits.get(emptied.visitId());
        if (media != null) {
            media.tasks().submit(() -> close(media));
        }
    }

    /** A host of this instance ended the visit: its media room closes, whoever relayed its offers. */
    void visitEnded(@Observes VisitEnded ended) {
        VisitMedia media = mediaOf(ended.visitId());
        media.tasks().submit(() -> {
            visits.remove(ended.visitId(), media);
            return close(media);
        });
    }

    /** Media calls of the visit still under way (a close, a removal) hold its room, and so their queue. */
    @Override
    public boolean holdsRoom(VisitRoom room) {
        VisitMedia media = visits.get(room.visitId());
        return media != null && !media.tasks().idle();
    }

    @Override
    public void roomEvicted(VisitRoom room) {
        visits.computeIfPresent(room.visitId(), (id, media) -> media.tasks().idle() ? null : media);
    }

    private VisitMedia mediaOf(UUID visitId) {
        return visits.computeIfAbsent(visitId, id -> new VisitMedia(id, new SerialTasks(worker)));
    }

    private CompletionStage<?> close(VisitMedia media) {
        Optional<MediaInstance> instance = placement.placed(media.visitId());
        if (instance.isEmpty()) {
            return done();
        }
        placement.forget(media.visitId(), instance.get());
        return quietly(client.closeRoom(instance.get(), media.roomId()), "close a room");
    }

    private CompletionStage<?> negotiate(VisitMedia media, VisitRoom room, Participant socket, long seat, String sdp) {
        String participantId = socket.id();
        if (!room.holdsSeat(participantId, seat)) {
            return done(); // left the call while the offer waited
        }
        boolean alreadyAdded = room.hasMedia(participantId);
        return placement.placeOf(room.visitId()).onItem().transformToUni(instance -> client.answer(instance, media.roomId(), participantId, sdp)
                        .onFailure(MediaRelay::unreachable).invoke(() -> {
                            if (!room.anyoneWithMedia()) {
                                placement.forget(room.visitId(), instance); // nobody's media is there: place anew next time
                            }
                        })
                        .onItem().transformToUni(answer -> {
                            if (!room.mediaAdded(participantId, seat, true)) {
                                // they left the call meanwhile: their media must not stay behind
                                return alreadyAdded ? Uni.createFrom().voidItem()
                                        : client.removeParticipant(instance, media.roomId(), participantId).onFailure().recoverWithNull().replaceWithVoid();
                            }
                            Publication publication = PublicationReader.read(sdp, answer);
                            socket.send(new ServerMessage.MediaAnswer(answer)); // before telling the others: the sender waits on it
                            room.published(participantId, seat, publication);
                            return Uni.createFrom().voidItem();
                        })
                        .onFailure().recoverWithUni(failure -> refused(socket, failure)))
                .subscribeAsCompletionStage();
    }

    /** media-service was not reached or could not take the room (not a refused offer): the placement may be stale. */
    private static boolean unreachable(Throwable failure) {
        return !(failure instanceof MediaControlException e) || e.kind() == MediaControlException.Kind.UNAVAILABLE;
    }

    /**
     * Tells the sender why their offer failed. Nothing is left to undo: media-service opens and adds
     * nothing for an offer it refuses, and the participant counts as in the media room only once an
     * answer came.
     */
    private static Uni<Void> refused(Participant socket, Throwable failure) {
        SignalingException error = failure instanceof MediaControlException e
                ? e.toSignaling()
                : new SignalingException(ErrorCode.MEDIA_UNAVAILABLE, "media is not available now");
        if (!(failure instanceof MediaControlException)) {
            LOG.warnf("Relaying an offer failed: %s", failure.getClass().getName());
        }
        socket.send(new ServerMessage.Error(error.code().wire(), error.getMessage()));
        return Uni.createFrom().voidItem();
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
