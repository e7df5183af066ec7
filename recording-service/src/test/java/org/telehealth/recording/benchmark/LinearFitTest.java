package org.telehealth.recording.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class LinearFitTest {

    @Test
    void shouldSeparateWhatEachVisitCostsFromWhatTheProcessSpendsAnyway() {
        // 0.04 cores anyway, 0.02 per visit, measured with a little noise
        LinearFit fit = LinearFit.of(List.of(new double[] {1, 0.061}, new double[] {2, 0.079}, new double[] {4, 0.121},
                new double[] {8, 0.2}, new double[] {16, 0.36}));

        assertThat(fit.slope()).isCloseTo(0.02, within(0.0005));
        assertThat(fit.intercept()).isCloseTo(0.04, within(0.002));
    }

    @Test
    void shouldRefuseFewerThanTwoDistinctPoints() {
        assertThatThrownBy(() -> LinearFit.of(List.of(new double[] {4, 0.1}))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LinearFit.of(List.of(new double[] {4, 0.1}, new double[] {4, 0.2})))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
