package org.telehealth.recording.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CapacitySettingsTest {

    @Test
    void shouldReadTheStepsFromACommaSeparatedList() {
        assertThat(CapacitySettings.parseSteps(" 1, 4,16 ")).containsExactly(1, 4, 16);
    }

    @Test
    void shouldRefuseStepsThatDoNotRiseOrExceedOneInstancesCaptures() {
        assertThatThrownBy(() -> settings(List.of(4, 2))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> settings(List.of(0, 2))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> settings(List.of(64, 128))).isInstanceOf(IllegalArgumentException.class);
        assertThat(settings(List.of(1, 100)).visits()).containsExactly(1, 100);
    }

    private static CapacitySettings settings(List<Integer> visits) {
        return new CapacitySettings(visits, 6_000, 210, Path.of("app.jar"), Path.of("target"), List.of());
    }
}
