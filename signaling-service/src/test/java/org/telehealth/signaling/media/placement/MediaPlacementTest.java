package org.telehealth.signaling.media.placement;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.telehealth.events.media.MediaInstanceLoad;
import org.telehealth.signaling.cluster.CapturingEmitter;
import org.telehealth.signaling.cluster.MediaRoomProposed;
import org.telehealth.signaling.cluster.MediaRoomReleased;
import org.telehealth.signaling.cluster.RoomFact;

/**
 * Two signaling instances placing one visit's media room, each from its own view of the media
 * instances' load, their proposals going through one simulated partition: they agree on the first
 * proposal, place anew after a release, and go on alone when nothing comes back.
 */
class MediaPlacementTest {

    private static final UUID VISIT = UUID.randomUUID();
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final CapturingEmitter emitterA = new CapturingEmitter();
    private final CapturingEmitter emitterB = new CapturingEmitter();
    private final MediaPlacement a = new MediaPlacement(knowing("m-a"), emitterA.publisher("a"), URI.create("http://fallback:8083"), WAIT);
    private final MediaPlacement b = new MediaPlacement(knowing("m-b"), emitterB.publisher("b"), URI.create("http://fallback:8083"), WAIT);

    @Test
    void shouldPlaceTheVisitWhereTheFirstProposalOfThePartitionSaysOnEveryInstance() throws Exception {
        CompletableFuture<MediaInstance> onA = a.placeOf(VISIT).subscribeAsCompletionStage();
        CompletableFuture<MediaInstance> onB = b.placeOf(VISIT).subscribeAsCompletionStage();
        assertThat(onA).isNotDone();

        deliver(emitterB.drain(), emitterA.drain()); // B's proposal reached the partition first

        assertThat(onA.get(1, TimeUnit.SECONDS).id()).isEqualTo("m-b");
        assertThat(onB.get(1, TimeUnit.SECONDS).id()).isEqualTo("m-b");
        assertThat(a.placed(VISIT)).map(MediaInstance::id).contains("m-b");
        assertThat(a.placeOf(VISIT).await().atMost(Duration.ofSeconds(1)).id()).as("known: no new proposal").isEqualTo("m-b");
        assertThat(emitterA.drain()).isEmpty();
    }

    @Test
    void shouldPlaceTheVisitAnewOnEveryInstanceAfterItsRoomIsReleased() throws Exception {
        CompletableFuture<MediaInstance> first = a.placeOf(VISIT).subscribeAsCompletionStage();
        deliver(emitterA.drain());
        MediaInstance placed = first.get(1, TimeUnit.SECONDS);

        a.forget(VISIT, placed);
        CompletableFuture<MediaInstance> again = a.placeOf(VISIT).subscribeAsCompletionStage();
        List<RoomFact> releaseThenProposal = emitterA.drain();
        assertThat(releaseThenProposal).hasExactlyElementsOfTypes(MediaRoomReleased.class, MediaRoomProposed.class);
        assertThat(b.placed(VISIT)).as("B still has it until the release arrives").contains(placed);

        deliver(releaseThenProposal);

        assertThat(again.get(1, TimeUnit.SECONDS).id()).isEqualTo("m-a");
        assertThat(b.placed(VISIT)).map(MediaInstance::id).contains("m-a");
        assertThat(((MediaRoomReleased) releaseThenProposal.get(0)).placementId()).as("A's first proposal").isEqualTo("a/1");
    }

    @Test
    void shouldKeepThePlacementWhenAReleaseOfAnEarlierOneArrives() throws Exception {
        CompletableFuture<MediaInstance> first = a.placeOf(VISIT).subscribeAsCompletionStage();
        deliver(emitterA.drain());
        first.get(1, TimeUnit.SECONDS);

        deliver(List.of(new MediaRoomReleased(VISIT, "b", 7, "b/6")));

        assertThat(a.placed(VISIT)).map(MediaInstance::id).contains("m-a");
        assertThat(b.placed(VISIT)).map(MediaInstance::id).contains("m-a");
    }

    @Test
    void shouldUseItsOwnProposalWhenNothingComesBackInTime() {
        MediaPlacement alone = new MediaPlacement(knowing("m-alone"), new CapturingEmitter().publisher("c"),
                URI.create("http://fallback:8083"), Duration.ofMillis(100));

        assertThat(alone.placeOf(VISIT).await().atMost(Duration.ofSeconds(2)).id()).isEqualTo("m-alone");
        assertThat(alone.placed(VISIT)).map(MediaInstance::id).contains("m-alone");
    }

    @Test
    void shouldIgnoreAProposalWhoseControlUrlIsNoHttpUrl() throws Exception {
        deliver(List.of(new MediaRoomProposed(VISIT, "b", 1, "m-evil", "file:///etc/passwd")));

        assertThat(a.placed(VISIT)).isEmpty();
    }

    /** The facts, in this order, read by both instances. */
    @SafeVarargs
    private void deliver(List<RoomFact>... batches) {
        for (List<RoomFact> batch : batches) {
            for (RoomFact fact : batch) {
                for (MediaPlacement instance : List.of(a, b)) {
                    if (fact instanceof MediaRoomProposed proposal) {
                        instance.proposed(proposal);
                    } else if (fact instanceof MediaRoomReleased release) {
                        instance.released(release);
                    }
                }
            }
        }
    }

    /** Media instances as one signaling instance knows them: only {@code id}, idle. */
    private static MediaInstances knowing(String id) {
        MediaInstances instances = new MediaInstances(Duration.ofSeconds(30));
        Instant now = Instant.now();
        instances.report(new MediaInstanceLoad(id, "http://" + id + ":8083", 0, 0, 0, 0.1), now, now);
        return instances;
    }
}
