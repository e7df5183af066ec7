package org.telehealth.signaling.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

class RoomFactsCaughtUpTest {

    private final RoomFactsCaughtUp check = new RoomFactsCaughtUp();

    @Test
    void shouldBeReadyOnceTheFactsFoundAtStartAreAppliedAndStaySo() {
        assertThat(check.call().getStatus()).as("no partitions yet").isEqualTo(HealthCheckResponse.Status.DOWN);

        // partition 0: facts 10..14 to read back; partition 1: nothing in the look-back; partition 2: empty
        check.started(Map.of(0, 14L, 1, 7L, 2, -1L), Map.of(0, 10L, 1, 8L, 2, 0L));
        check.applied(0, 10);
        check.applied(0, 13);
        assertThat(check.call().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(check.isCaughtUp()).isFalse();
        check.applied(0, 14);

        assertThat(check.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(check.isCaughtUp()).isTrue();
        check.applied(0, 15);
        assertThat(check.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    }

    @Test
    void shouldBeReadyAtOnceWhenThereIsNothingToReadBack() {
        check.started(Map.of(0, -1L, 1, 3L), Map.of(0, 0L, 1, 4L));

        assertThat(check.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    }
}
