package org.telehealth.media.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TrafficMeterTest {

    private static final long MS = 1_000_000L;
    private static final long T0 = 7_000 * MS;

    private final TrafficMeter meter = new TrafficMeter();

    @Test
    void shouldMeasureASteadyStreamOverTheLastFewSeconds() {
        for (int i = 0; i < 1_000; i++) {
            meter.add(1_000, T0 + i * 10 * MS); // 100 packets of 1000 bytes a second: 800 kbit/s
        }

        assertThat(meter.bitsPerSecond(T0 + 10_000 * MS)).isEqualTo(800_000);
        assertThat(meter.packets()).isEqualTo(1_000);
        assertThat(meter.bytes()).isEqualTo(1_000_000);
    }

    @Test
    void shouldMeasureFromTheFirstPacketWhileTheStreamIsYoung() {
        meter.add(1_000, T0);
        meter.add(1_000, T0 + 100 * MS);

        assertThat(meter.bitsPerSecond(T0 + 200 * MS)).isEqualTo(80_000); // 16000 bits in 0.2 s
    }

    @Test
    void shouldFallToZeroSecondsAfterTheStreamStops() {
        for (int i = 0; i < 100; i++) {
            meter.add(1_000, T0 + i * 10 * MS);
        }

        assertThat(meter.bitsPerSecond(T0 + 6_000 * MS)).isZero();
        assertThat(meter.bytes()).isEqualTo(100_000);
    }

    @Test
    void shouldReadZeroBeforeAnyPacket() {
        assertThat(meter.bitsPerSecond(T0)).isZero();
    }

    @Test
    void shouldForgetSoonerOverAShorterWindow() {
        TrafficMeter lastSecond = new TrafficMeter(4, 250 * MS);
        for (int i = 0; i < 200; i++) {
            lastSecond.add(i < 100 ? 2_000 : 500, T0 + i * 10 * MS); // 1.6 Mbit/s for a second, then 400 kbit/s
        }

        assertThat(lastSecond.bitsPerSecond(T0 + 2_000 * MS)).isEqualTo(400_000);
    }
}
