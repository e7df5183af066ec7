package org.telehealth.media.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.telehealth.media.room.BandwidthAllocation.NONE;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** One receiver's layer selector, on a clock the test moves, with two tracks of three layers. */
class LayerSelectorTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long MILLISECOND = 1_000_000L;
    private static final long CAMERA = 1;
    private static final long SCREEN = 2;
    private static final long[] RATES = {150_000, 500_000, 1_500_000};
    private static final boolean[] ALL_SENT = {true, true, true};
    private static final OptionalLong NO_REMB = OptionalLong.empty();
    private static final OptionalLong NO_LIMIT = OptionalLong.empty();

    private final LayerSelector selector = new LayerSelector();
    private final Map<Long, Integer> targets = new HashMap<>(Map.of(CAMERA, NONE));
    private long now = 100 * SECOND;

    @Test
    void shouldStartANewReceiverOnTheMiddleLayerAtMostAndWithinTheLimitBeforeAnyRemb() {
        assertThat(select(OptionalLong.of(300_000), NO_REMB, 0)).as("a limit below the middle layer").containsEntry(CAMERA, 0);

        LayerSelector unlimited = new LayerSelector();
        assertThat(unlimited.select(now, NO_LIMIT, NO_REMB, 0, List.of(camera(NONE, ALL_SENT))))
                .as("no limit: the middle layer").containsEntry(CAMERA, 1);
        LayerSelector middlePaused = new LayerSelector();
        assertThat(middlePaused.select(now, NO_LIMIT, NO_REMB, 0, List.of(camera(NONE, new boolean[] {true, false, true}))))
                .as("the middle layer not sent: the nearest one that is").containsEntry(CAMERA, 0);
    }

    @Test
    void shouldStartOnTheMiddleLayerEvenWhenAnEarlyRembAllowsMore() {
        LayerSelector selector = new LayerSelector();
        assertThat(selector.select(now, NO_LIMIT, OptionalLong.of(2_500_000), 0, List.of(camera(NONE, ALL_SENT))))
                .containsEntry(CAMERA, 1);
    }

    @Test
    void shouldClimbFromTheStartLayerAfterTheHoldTimeWhenNoRembComes() {
        LayerSelector unlimited = new LayerSelector();
        assertThat(unlimited.select(now, NO_LIMIT, NO_REMB, 0, List.of(camera(NONE, ALL_SENT)))).containsEntry(CAMERA, 1);

        assertThat(unlimited.select(now, NO_LIMIT, NO_REMB, 500_000, List.of(camera(1, ALL_SENT)))).isEmpty();
        assertThat(unlimited.select(now + LayerSelector.BASE_HOLD_NANOS, NO_LIMIT, NO_REMB, 500_000, List.of(camera(1, ALL_SENT))))
                .containsEntry(CAMERA, 2);
    }

    @Test
    void shouldGiveATrackAddedLaterTheReceiversBudgetNotTheStartBudget() {
        LayerSelector selector = new LayerSelector();
        List<LayerSelector.VideoTrack> cameraThenScreen = List.of(camera(2, ALL_SENT),
                new LayerSelector.VideoTrack(SCREEN, true, true, Long.MAX_VALUE, RATES, ALL_SENT, NONE));

        assertThat(selector.select(now, OptionalLong.of(5_000_000), NO_REMB, 1_500_000, cameraThenScreen))
                .containsEntry(SCREEN, 2).doesNotContainKey(CAMERA);
    }

    @Test
    void shouldSwitchDownAtOnceWhenTheBudgetShrinks() {
        targets.put(CAMERA, 2);

        assertThat(select(OptionalLong.of(400_000), NO_REMB, 1_500_000)).containsEntry(CAMERA, 0);
    }

    @Test
    void shouldSwitchUpOnlyOnceTheBudgetHeldForTheHoldTimeAndOneLayerAtATime() {
        targets.put(CAMERA, 0);
        OptionalLong ample = OptionalLong.of(3_000_000);

        assertThat(select(ample, NO_REMB, 150_000)).isEmpty();
        now += LayerSelector.BASE_HOLD_NANOS - MILLISECOND;
        assertThat(select(ample, NO_REMB, 150_000)).isEmpty();
        now += MILLISECOND;
        assertThat(select(ample, NO_REMB, 150_000)).containsEntry(CAMERA, 1);
        now += LayerSelector.BASE_HOLD_NANOS;
        assertThat(select(ample, NO_REMB, 500_000)).containsEntry(CAMERA, 2);
    }

    @Test
    void shouldStartTheHoldAgainWhenTheBudgetDipsBeforeItEnds() {
        targets.put(CAMERA, 0);
        select(OptionalLong.of(3_000_000), NO_REMB, 150_000);
        now += 2 * SECOND;
        select(OptionalLong.of(200_000), NO_REMB, 150_000);
        now += SECOND;

        assertThat(select(OptionalLong.of(3_000_000), NO_REMB, 150_000)).as("held 0 s, not 3").isEmpty();
    }

    @Test
    void shouldTakeTheLowerOfTheLimitAndTheRembAsBudget() {
        targets.put(CAMERA, 2);

        assertThat(select(OptionalLong.of(5_000_000), OptionalLong.of(600_000), 1_500_000)).containsEntry(CAMERA, 1);
    }

    @Test
    void shouldServeAScreenShareBeforeTheCameras() {
        targets.put(SCREEN, NONE);
        // the camera on its top layer already (so not the receiver's first choice): the share starting makes room
        List<LayerSelector.VideoTrack> tracks = List.of(camera(2, ALL_SENT),
                new LayerSelector.VideoTrack(SCREEN, true, true, Long.MAX_VALUE, RATES, ALL_SENT, NONE));

        Map<Long, Integer> chosen = selector.select(now, OptionalLong.of(1_800_000), NO_REMB, 0, tracks);

        assertThat(chosen).containsEntry(SCREEN, 2).containsEntry(CAMERA, 0);
    }

    @Test
    void shouldCountATrackSentWholeAgainstTheBudgetWithoutChoosingItsLayer() {
        List<LayerSelector.VideoTrack> tracks = List.of(
                new LayerSelector.VideoTrack(SCREEN, true, false, Long.MAX_VALUE, new long[] {1_000_000}, new boolean[] {true}, 0),
                camera(2, ALL_SENT));

        assertThat(selector.select(now, OptionalLong.of(1_700_000), NO_REMB, 0, tracks)).containsExactly(Map.entry(CAMERA, 1));
    }

    @Test
    void shouldMoveOffALayerThePublisherStoppedSendingAtOnce() {
        targets.put(CAMERA, 2);
        boolean[] topPaused = {true, true, false};

        assertThat(selector.select(now, NO_LIMIT, NO_REMB, 0, List.of(camera(2, topPaused)))).containsEntry(CAMERA, 1);
    }

    @Test
    void shouldTryTheNextLayerWhenTheRembSitsAtItsCeilingAndBackOffWhenItFalls() {
        targets.put(CAMERA, 1);
        OptionalLong ceiling = OptionalLong.of(760_000);
        select(NO_LIMIT, ceiling, 500_000);
        now += LayerSelector.BASE_HOLD_NANOS;

        assertThat(select(NO_LIMIT, ceiling, 500_000)).containsEntry(CAMERA, 2);
        assertThat(selector.trying()).isTrue();
        now += SECOND;
        assertThat(select(NO_LIMIT, OptionalLong.of(900_000), 1_500_000)).as("the REMB climbs during the trial").isEmpty();

        now += SECOND;
        assertThat(select(NO_LIMIT, OptionalLong.of(650_000), 1_500_000)).as("it fell: congestion").containsEntry(CAMERA, 1);
        assertThat(selector.holdNanos()).isEqualTo(2 * LayerSelector.BASE_HOLD_NANOS);
    }

    @Test
    void shouldKeepTheTriedLayerWhenTheRembReachedItByTheEndOfTheTrial() {
        targets.put(CAMERA, 1);
        select(NO_LIMIT, OptionalLong.of(760_000), 500_000);
        now += LayerSelector.BASE_HOLD_NANOS;
        select(NO_LIMIT, OptionalLong.of(760_000), 500_000);
        assertThat(targets).containsEntry(CAMERA, 2);

        now += LayerSelector.TRIAL_NANOS;

        assertThat(select(NO_LIMIT, OptionalLong.of(1_400_000), 1_500_000)).isEmpty();
        assertThat(selector.trying()).isFalse();
        assertThat(selector.holdNanos()).isEqualTo(LayerSelector.BASE_HOLD_NANOS);
    }

    @Test
    void shouldNotTryAboveTheLimitNorWhileTheRembIsBelowItsCeiling() {
        targets.put(CAMERA, 1);
        select(OptionalLong.of(1_000_000), OptionalLong.of(760_000), 500_000);
        now += LayerSelector.BASE_HOLD_NANOS;
        assertThat(select(OptionalLong.of(1_000_000), OptionalLong.of(760_000), 500_000)).isEmpty();

        select(NO_LIMIT, OptionalLong.of(600_000), 500_000);
        now += LayerSelector.BASE_HOLD_NANOS;
        assertThat(select(NO_LIMIT, OptionalLong.of(600_000), 500_000)).isEmpty();
        assertThat(selector.trying()).isFalse();
    }

    /** Selects for the camera, whose target then changes as the selector says. */
    private Map<Long, Integer> select(OptionalLong limit, OptionalLong remb, long forwardedBps) {
        Map<Long, Integer> changes = selector.select(now, limit, remb, forwardedBps, List.of(camera(targets.get(CAMERA), ALL_SENT)));
        targets.putAll(changes);
        return changes;
    }

    private static LayerSelector.VideoTrack camera(int target, boolean[] active) {
        return new LayerSelector.VideoTrack(CAMERA, false, true, Long.MAX_VALUE, RATES, active, target);
    }
}
