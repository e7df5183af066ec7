package org.telehealth.signaling.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void shouldTakeTheNearestRankAndIgnoreStepsThatDidNotHappen() {
        Percentiles values = new Percentiles(List.of(40.0, 10.0, Double.NaN, 30.0, 20.0));

        assertThat(values.count()).isEqualTo(4);
        assertThat(values.at(50)).isEqualTo(20.0);
        assertThat(values.at(90)).isEqualTo(40.0);
        assertThat(values.min()).isEqualTo(10.0);
        assertThat(values.max()).isEqualTo(40.0);
    }

    @Test
    void shouldSayNothingWithoutValues() {
        assertThat(new Percentiles(List.of()).at(50)).isNaN();
    }
}
