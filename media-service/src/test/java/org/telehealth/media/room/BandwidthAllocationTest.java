package org.telehealth.media.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.telehealth.media.room.BandwidthAllocation.NONE;

import java.util.List;
import org.junit.jupiter.api.Test;

class BandwidthAllocationTest {

    private static final long[] CAMERA = {150_000, 500_000, 1_500_000};
    private static final boolean[] ALL_SENT = {true, true, true};

    @Test
    void shouldGiveATrackTheHighestLayerThatFits() {
        assertThat(allocate(2_000_000, camera(NONE))).containsExactly(2);
        assertThat(allocate(1_000_000, camera(NONE))).containsExactly(1);
        assertThat(allocate(200_000, camera(NONE))).containsExactly(0);
    }

    @Test
    void shouldNeverGoBelowTheLowestLayerSent() {
        assertThat(allocate(10_000, camera(NONE))).containsExactly(0);
        assertThat(allocate(10_000, new BandwidthAllocation.Demand(Long.MAX_VALUE, CAMERA, new boolean[] {false, true, true},
                NONE))).containsExactly(1);
        assertThat(allocate(10_000, new BandwidthAllocation.Demand(Long.MAX_VALUE, CAMERA, new boolean[3], NONE)))
                .containsExactly(NONE);
    }

    @Test
    void shouldServeTheTracksInOrderAfterGivingEachItsLowestLayer() {
        int[] layers = BandwidthAllocation.allocate(2_200_000, List.of(camera(NONE), camera(NONE)));

        assertThat(layers).containsExactly(2, 1);
    }

    @Test
    void shouldSkipALayerThatIsNotSentOrAboveTheCapOfItsSection() {
        boolean[] middlePaused = {true, false, true};

        assertThat(allocate(1_000_000, new BandwidthAllocation.Demand(Long.MAX_VALUE, CAMERA, middlePaused, NONE)))
                .containsExactly(0);
        assertThat(allocate(Long.MAX_VALUE, new BandwidthAllocation.Demand(600_000, CAMERA, ALL_SENT, NONE)))
                .containsExactly(1);
    }

    @Test
    void shouldLetTheLayerATrackHasStayWhileTheBudgetIsWithinFifteenPercentOfIt() {
        assertThat(allocate(1_300_000, camera(2))).containsExactly(2);
        assertThat(allocate(1_300_000, camera(1))).as("going up needs the full rate").containsExactly(1);
        assertThat(allocate(1_200_000, camera(2))).containsExactly(1);
    }

    private static BandwidthAllocation.Demand camera(int kept) {
        return new BandwidthAllocation.Demand(Long.MAX_VALUE, CAMERA, ALL_SENT, kept);
    }

    private static int[] allocate(long budget, BandwidthAllocation.Demand demand) {
        return BandwidthAllocation.allocate(budget, List.of(demand));
    }
}
