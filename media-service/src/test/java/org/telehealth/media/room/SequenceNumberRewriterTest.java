package org.telehealth.media.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SequenceNumberRewriterTest {

    private final SequenceNumberRewriter rewriter = new SequenceNumberRewriter();

    @Test
    void shouldKeepTheNumbersOfTheFirstLayerForwarded() {
        rewriter.startRun(7000);

        assertThat(rewriter.accept(7001)).isTrue();
        assertThat(sent(7001)).isEqualTo(7001);
    }

    @Test
    void shouldGoOnAfterTheNewestNumberSentWhenTheLayerChangesLeavingNoGap() {
        rewriter.startRun(7000);
        rewriter.accept(7001);
        rewriter.accept(7002);

        rewriter.startRun(300);
        rewriter.accept(301);

        assertThat(sent(300)).isEqualTo(7003);
        assertThat(sent(301)).isEqualTo(7004);
    }

    @Test
    void shouldKeepAGapTheLayerHadSoTheReceiverNacksIt() {
        rewriter.startRun(300);
        rewriter.accept(301);

        assertThat(rewriter.accept(304)).isTrue();
        assertThat(sent(304)).isEqualTo(304);
        assertThat(rewriter.accept(302)).as("the lost packet, recovered late").isTrue();
        assertThat(rewriter.isNewest(302)).isFalse();
        assertThat(rewriter.isNewest(304)).isTrue();
    }

    @Test
    void shouldDropAPacketOfTheLayerFromBeforeTheSwitchToIt() {
        rewriter.startRun(7000);
        rewriter.startRun(300);

        assertThat(rewriter.accept(299)).isFalse();
        assertThat(rewriter.accept(300)).isTrue();
    }

    @Test
    void shouldWrapFrom65535To0WithinARunAndAcrossASwitch() {
        rewriter.startRun(65_534);
        rewriter.accept(65_535);
        assertThat(rewriter.accept(0)).isTrue();
        assertThat(sent(0)).isZero();

        rewriter.startRun(40_000);
        assertThat(sent(40_000)).isEqualTo(1);

        rewriter.startRun(10);
        rewriter.accept(11);
        assertThat(sent(11)).isEqualTo(3);
    }

    @Test
    void shouldContinueASequenceNearTheWrapWhenTheNewLayerIsFarBehind() {
        rewriter.startRun(100);
        for (int sequenceNumber = 101; sequenceNumber <= 200; sequenceNumber++) {
            rewriter.accept(sequenceNumber);
        }
        rewriter.startRun(65_500);
        rewriter.accept(65_535);
        rewriter.accept(0);

        assertThat(sent(65_500)).isEqualTo(201);
        assertThat(sent(0)).isEqualTo(237);
    }

    @Test
    void shouldTurnANackedNumberBackIntoTheLayerPacketOfTheRightRun() {
        rewriter.startRun(7000);
        rewriter.accept(7001);
        rewriter.accept(7002);
        rewriter.startRun(65_535);
        rewriter.accept(0);
        rewriter.accept(1);

        assertThat(rewriter.original(7001)).isEqualTo(new SequenceNumberRewriter.Origin(0, 7001));
        assertThat(rewriter.original(7003)).isEqualTo(new SequenceNumberRewriter.Origin(1, 65_535));
        assertThat(rewriter.original(7005)).isEqualTo(new SequenceNumberRewriter.Origin(1, 1));
    }

    @Test
    void shouldNotMapANumberNotYetSentOrOfARunItForgot() {
        rewriter.startRun(1000);
        assertThat(rewriter.original(1001)).isNull();

        for (int run = 1; run <= SequenceNumberRewriter.REMEMBERED_RUNS; run++) {
            rewriter.startRun(1000 * run);
        }

        assertThat(rewriter.original(1000)).as("the first run, " + SequenceNumberRewriter.REMEMBERED_RUNS + " switches ago")
                .isNull();
        assertThat(rewriter.original(1001)).isEqualTo(new SequenceNumberRewriter.Origin(1, 1000));
    }

    @Test
    void shouldRefuseAPacketBeforeAnyRunAndNumbersOutOfRange() {
        assertThatThrownBy(() -> rewriter.accept(1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> rewriter.startRun(65_536)).isInstanceOf(IllegalArgumentException.class);
        assertThat(rewriter.original(5)).isNull();
    }

    private int sent(int sequenceNumber) {
        return (sequenceNumber + rewriter.offset(rewriter.currentRun())) & 0xFFFF;
    }
}
