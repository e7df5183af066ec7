package org.telehealth.media.retransmission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.telehealth.media.retransmission.UpstreamNackGenerator.Arrival;

class UpstreamNackGeneratorTest {

    private static final long MILLISECOND = TimeUnit.MILLISECONDS.toNanos(1);

    private final UpstreamNackGenerator generator = new UpstreamNackGenerator();
    private long now = 7_000 * MILLISECOND;

    @Test
    void shouldNackNothingWhilePacketsArriveInOrder() {
        assertThat(arrive(100)).isEqualTo(Arrival.NEXT);
        assertThat(arrive(101)).isEqualTo(Arrival.NEXT);
        assertThat(arrive(102)).isEqualTo(Arrival.NEXT);

        assertThat(generator.due(now)).isEmpty();
        assertThat(generator.missing()).isZero();
    }

    @Test
    void shouldNackThePacketsOfAGapAtOnce() {
        arrive(100);

        assertThat(arrive(104)).isEqualTo(Arrival.AFTER_GAP);

        assertThat(generator.due(now)).containsExactly(101, 102, 103);
    }

    @Test
    void shouldFindAGapAcrossTheWrapFrom65535To0() {
        arrive(65_533);
        arrive(65_534);

        assertThat(arrive(2)).isEqualTo(Arrival.AFTER_GAP);

        assertThat(generator.due(now)).containsExactly(65_535, 0, 1);
    }

    @Test
    void shouldNotNackAPacketAgainWithin20Milliseconds() {
        arrive(10);
        arrive(12);
        assertThat(generator.due(now)).containsExactly(11);

        now += 19 * MILLISECOND;
        assertThat(generator.due(now)).isEmpty();

        now += MILLISECOND;
        assertThat(generator.due(now)).containsExactly(11);
    }

    @Test
    void shouldNackAPacketThreeTimesAtMostThenGiveUp() {
        arrive(10);
        arrive(12);

        int nacks = 0;
        for (int poll = 0; poll < 20; poll++) {
            nacks += generator.due(now).size();
            now += 20 * MILLISECOND;
        }

        assertThat(nacks).isEqualTo(3);
        assertThat(generator.missing()).isZero();
    }

    @Test
    void shouldGiveUpOnAPacketMissingForASecondEvenIfNackedLessThanThreeTimes() {
        arrive(10);
        arrive(12);
        assertThat(generator.due(now)).containsExactly(11);

        now += 1_000 * MILLISECOND;

        assertThat(generator.due(now)).isEmpty();
        assertThat(generator.missing()).isZero();
    }

    @Test
    void shouldStopNackingAPacketThatArrivedLate() {
        arrive(10);
        arrive(14);
        assertThat(generator.due(now)).containsExactly(11, 12, 13);

        assertThat(arrive(12)).isEqualTo(Arrival.FILLED_GAP);

        now += 20 * MILLISECOND;
        assertThat(generator.due(now)).containsExactly(11, 13);
        assertThat(generator.missing()).isEqualTo(2);
    }

    @Test
    void shouldTellCopiesAndPacketsGivenUpOnFromMissingOnes() {
        arrive(10);
        arrive(12);

        assertThat(arrive(12)).isEqualTo(Arrival.OLD);
        assertThat(arrive(10)).isEqualTo(Arrival.OLD);
        assertThat(arrive(11)).isEqualTo(Arrival.FILLED_GAP);
        assertThat(arrive(11)).isEqualTo(Arrival.OLD);
    }

    @Test
    void shouldNackEachPacketOnItsOwnScheduleButInOneListWhenDueTogether() {
        arrive(10);
        arrive(12);
        assertThat(generator.due(now)).containsExactly(11);

        now += 10 * MILLISECOND;
        arrive(14);
        assertThat(generator.due(now)).containsExactly(13);

        now += 10 * MILLISECOND;
        assertThat(generator.due(now)).containsExactly(11);
        now += 10 * MILLISECOND;
        assertThat(generator.due(now)).containsExactly(13);
        now += 30 * MILLISECOND;
        assertThat(generator.due(now)).containsExactly(11, 13);
    }

    @Test
    void shouldNackAGapOf256Packets() {
        arrive(1_000);

        assertThat(arrive(1_257)).isEqualTo(Arrival.AFTER_GAP);

        assertThat(generator.due(now)).containsExactlyElementsOf(IntStream.range(1_001, 1_257).boxed().toList());
    }

    @Test
    void shouldAskForAKeyframeInsteadOfNackingAGapOfMoreThan256Packets() {
        arrive(1_000);
        arrive(1_002);

        assertThat(arrive(1_260)).isEqualTo(Arrival.AFTER_LARGE_GAP);

        assertThat(generator.missing()).isZero();
        assertThat(generator.due(now)).isEmpty();
        assertThat(arrive(1_261)).isEqualTo(Arrival.NEXT);
    }

    @Test
    void shouldForgetTheOldestMissingPacketsBeyond256() {
        arrive(0);
        arrive(201); // 1..200 missing
        arrive(402); // 202..401 missing: 1..144 evicted

        List<Integer> due = generator.due(now);

        assertThat(generator.missing()).isEqualTo(256);
        assertThat(due).hasSize(256).startsWith(145, 146).endsWith(400, 401).doesNotContain(201);
    }

    @Test
    void shouldKeepNackingAcrossTheWrapAfterPacketsFilledTheGap() {
        arrive(65_530);
        arrive(3); // 65531..2 missing
        generator.due(now);
        for (int sequenceNumber : new int[] {65_531, 65_532, 65_533, 65_534, 65_535, 0, 2}) {
            assertThat(arrive(sequenceNumber)).isEqualTo(Arrival.FILLED_GAP);
        }

        now += 20 * MILLISECOND;

        assertThat(generator.due(now)).containsExactly(1);
    }

    @Test
    void shouldRefuseSequenceNumbersOutside16Bits() {
        assertThatThrownBy(() -> generator.onPacket(65_536, now)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> generator.onPacket(-1, now)).isInstanceOf(IllegalArgumentException.class);
    }

    private Arrival arrive(int sequenceNumber) {
        return generator.onPacket(sequenceNumber, now);
    }
}
