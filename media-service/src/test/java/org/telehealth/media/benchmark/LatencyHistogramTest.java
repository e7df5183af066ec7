package org.telehealth.media.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    private final LatencyHistogram histogram = new LatencyHistogram();

    @Test
    void shouldReadPercentilesToTheMicrosecond() {
        for (int micros = 1; micros <= 100; micros++) {
            histogram.record(micros * 1_000L + 300);
        }

        assertThat(histogram.count()).isEqualTo(100);
        assertThat(histogram.percentileMicros(0.50)).isEqualTo(50.5);
        assertThat(histogram.percentileMicros(0.99)).isEqualTo(99.5);
        assertThat(histogram.maxMicros()).isEqualTo(100.3);
    }

    @Test
    void shouldReadLatenciesOfAHundredMillisecondsOrMoreAsTheCeiling() {
        histogram.record(250_000_000L);

        assertThat(histogram.percentileMicros(0.99)).isEqualTo(LatencyHistogram.MAX_MICROS);
        assertThat(histogram.maxMicros()).isEqualTo(250_000);
    }

    @Test
    void shouldReadZeroWhenNothingArrived() {
        assertThat(histogram.percentileMicros(0.5)).isZero();
    }
}
