package org.telehealth.media.bwe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.telehealth.media.rtcp.TransportCcPacketStatus.NOT_RECEIVED;
import static org.telehealth.media.rtcp.TransportCcPacketStatus.received;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.telehealth.media.rtcp.TransportCcFeedback;
import org.telehealth.media.rtcp.TransportCcPacketStatus;

/**
 * Arrival times are given in nanoseconds from {@link #T0}, one second into the clock: 960 ms into
 * it is reference time 15 (15 x 64 ms), so a packet arriving at {@code T0} has a first receive
 * delta of 40 ms, 160 steps of 250 us; 1 ms is 4 steps.
 */
class TransportCcFeedbackGeneratorTest {

    private static final long SENDER = 0x5F0;
    private static final long MEDIA = 0x1A2B3C4DL;
    private static final long T0 = 1_000_000_000L;
    private static final long MS = 1_000_000L;

    private final TransportCcFeedbackGenerator generator = new TransportCcFeedbackGenerator();

    @Test
    void shouldReportASteadyStreamOfAThousandPacketsASecondWithExactDeltas() {
        for (int seq = 0; seq < 100; seq++) {
            generator.onPacket(seq, T0 + seq * MS);
        }

        List<TransportCcFeedback> feedback = generator.buildFeedback(SENDER, MEDIA, T0 + 100 * MS);

        assertThat(feedback).hasSize(1);
        TransportCcFeedback only = feedback.get(0);
        assertThat(only.senderSsrc()).isEqualTo(SENDER);
        assertThat(only.mediaSsrc()).isEqualTo(MEDIA);
        assertThat(only.baseSequenceNumber()).isZero();
        assertThat(only.referenceTime()).isEqualTo(15);
        assertThat(only.feedbackPacketCount()).isZero();
        List<TransportCcPacketStatus> expected = new ArrayList<>(List.of(received(160)));
        expected.addAll(Collections.nCopies(99, received(4)));
        assertThat(only.packetStatuses()).isEqualTo(expected);
    }

    @Test
    void shouldMarkLostPacketsAsNotReceived() {
        for (int seq : new int[] {0, 1, 2, 5, 6}) {
            generator.onPacket(seq, T0 + seq * MS);
        }

        assertThat(single(generator.buildFeedback(SENDER, MEDIA, T0 + 10 * MS)).packetStatuses()).containsExactly(
                received(160), received(4), received(4), NOT_RECEIVED, NOT_RECEIVED, received(12), received(4));
    }

    @Test
    void shouldReportReorderedPacketsInSequenceOrderWithANegativeDelta() {
        generator.onPacket(0, T0);
        generator.onPacket(2, T0 + MS);
        generator.onPacket(1, T0 + 2 * MS);
        generator.onPacket(3, T0 + 3 * MS);

        assertThat(single(generator.buildFeedback(SENDER, MEDIA, T0 + 10 * MS)).packetStatuses())
                .containsExactly(received(160), received(8), received(-4), received(8));
    }

    @Test
    void shouldKeepTheFirstArrivalOfADuplicate() {
        generator.onPacket(0, T0);
        generator.onPacket(1, T0 + MS);
        generator.onPacket(1, T0 + 5 * MS);
        generator.onPacket(2, T0 + 2 * MS);

        assertThat(single(generator.buildFeedback(SENDER, MEDIA, T0 + 10 * MS)).packetStatuses())
                .containsExactly(received(160), received(4), received(4));
    }

    @Test
    void shouldNotReportADuplicateThatArrivesAfterTheFeedback() {
        generator.onPacket(0, T0);
        generator.onPacket(1, T0 + MS);
        generator.buildFeedback(SENDER, MEDIA, T0 + 10 * MS);

        generator.onPacket(1, T0 + 11 * MS);

        assertThat(generator.buildFeedback(SENDER, MEDIA, T0 + 20 * MS)).isEmpty();
    }

    @Test
    void shouldCountOnAcrossTheSequenceNumberWrap() {
        int[] sequence = {65_533, 65_534, 65_535, 0, 1, 2};
        for (int i = 0; i < sequence.length; i++) {
            generator.onPacket(sequence[i], T0 + i * MS);
        }

        TransportCcFeedback first = single(generator.buildFeedback(SENDER, MEDIA, T0 + 10 * MS));
        generator.onPacket(3, T0 + 11 * MS);
        TransportCcFeedback second = single(generator.buildFeedback(SENDER, MEDIA, T0 + 20 * MS));

        assertThat(first.baseSequenceNumber()).isEqualTo(65_533);
        assertThat(first.packetStatuses()).hasSize(6).doesNotContain(NOT_RECEIVED);
        assertThat(first.sequenceNumber(5)).isEqualTo(2);
        assertThat(second.baseSequenceNumber()).isEqualTo(3);
        assertThat(second.packetStatuses()).hasSize(1);
    }

    @Test
    void shouldReportEveryPacketExactlyOnceWhenCalledEvery100Ms() {
        List<TransportCcFeedback> all = new ArrayList<>();
        for (int ms = 0; ms < 1_000; ms++) {
            generator.onPacket(ms, T0 + ms * MS);
            if (ms % 100 == 99) {
                all.addAll(generator.buildFeedback(SENDER, MEDIA, T0 + ms * MS));
            }
        }

        assertThat(all).hasSize(10);
        for (int i = 0; i < all.size(); i++) {
            TransportCcFeedback feedback = all.get(i);
            assertThat(feedback.baseSequenceNumber()).isEqualTo(100 * i);
            assertThat(feedback.feedbackPacketCount()).isEqualTo(i);
            assertThat(feedback.packetStatuses()).hasSize(100).doesNotContain(NOT_RECEIVED);
            assertThat(feedback.packetStatuses().subList(1, 100)).containsOnly(received(4));
            long firstArrivalMicros = feedback.referenceTime() * TransportCcFeedback.REFERENCE_TIME_UNIT_MICROS
                    + feedback.packetStatuses().get(0).receiveDelta() * TransportCcFeedback.DELTA_UNIT_MICROS;
            assertThat(firstArrivalMicros).isEqualTo((T0 + 100 * i * MS) / 1_000);
        }
    }

    @Test
    void shouldLeavePacketsStampedAfterNowAndTheHolesBeforeThemForTheNextCall() {
        generator.onPacket(0, T0);
        generator.onPacket(2, T0 + 10 * MS);

        TransportCcFeedback first = single(generator.buildFeedback(SENDER, MEDIA, T0 + 5 * MS));
        generator.onPacket(1, T0 + 11 * MS);
        TransportCcFeedback second = single(generator.buildFeedback(SENDER, MEDIA, T0 + 20 * MS));

        assertThat(first.baseSequenceNumber()).isZero();
        assertThat(first.packetStatuses()).containsExactly(received(160));
        assertThat(second.baseSequenceNumber()).isEqualTo(1);
        assertThat(second.packetStatuses()).containsExactly(received(204), received(-4));
    }

    @Test
    void shouldReportALostPacketThatArrivesLateOnceMoreInAFeedbackOfItsOwn() {
        generator.onPacket(0, T0);
        generator.onPacket(1, T0 + MS);
        generator.onPacket(3, T0 + 3 * MS);
        TransportCcFeedback first = single(generator.buildFeedback(SENDER, MEDIA, T0 + 5 * MS));

        generator.onPacket(2, T0 + 6 * MS);
        generator.onPacket(4, T0 + 7 * MS);
        List<TransportCcFeedback> next = generator.buildFeedback(SENDER, MEDIA, T0 + 10 * MS);

        assertThat(first.packetStatuses()).containsExactly(received(160), received(4), NOT_RECEIVED, received(8));
        assertThat(next).extracting(TransportCcFeedback::baseSequenceNumber).containsExactly(2, 4);
        assertThat(next).extracting(TransportCcFeedback::feedbackPacketCount).containsExactly(1, 2);
        assertThat(next.get(0).packetStatuses()).containsExactly(received(184));
        assertThat(next.get(1).packetStatuses()).containsExactly(received(188));
    }

    @Test
    void shouldReportConsecutiveLatePacketsInOneFeedback() {
        generator.onPacket(0, T0);
        generator.onPacket(4, T0 + 4 * MS);
        generator.buildFeedback(SENDER, MEDIA, T0 + 5 * MS);

        generator.onPacket(2, T0 + 6 * MS);
        generator.onPacket(1, T0 + 7 * MS);
        TransportCcFeedback late = single(generator.buildFeedback(SENDER, MEDIA, T0 + 10 * MS));
        generator.onPacket(3, T0 + 11 * MS);
        TransportCcFeedback later = single(generator.buildFeedback(SENDER, MEDIA, T0 + 20 * MS));

        assertThat(late.baseSequenceNumber()).isEqualTo(1);
        assertThat(late.packetStatuses()).containsExactly(received(188), received(-4));
        assertThat(later.baseSequenceNumber()).isEqualTo(3);
        assertThat(later.packetStatuses()).hasSize(1);
        assertThat(generator.buildFeedback(SENDER, MEDIA, T0 + 30 * MS)).isEmpty();
    }

    @Test
    void shouldStartTheFirstFeedbackAtAPacketReorderedBeforeTheFirstOneSeen() {
        generator.onPacket(2, T0);
        generator.onPacket(1, T0 + MS);
        generator.onPacket(0, T0 + 2 * MS);

        TransportCcFeedback feedback = single(generator.buildFeedback(SENDER, MEDIA, T0 + 10 * MS));

        assertThat(feedback.baseSequenceNumber()).isZero();
        assertThat(feedback.packetStatuses()).containsExactly(received(168), received(-4), received(-4));
    }

    @Test
    void shouldReportOnceAPacketFromBeforeTheFirstFeedbackThatArrivesAfterIt() {
        generator.onPacket(5, T0);
        generator.onPacket(6, T0 + MS);
        generator.buildFeedback(SENDER, MEDIA, T0 + 10 * MS);

        generator.onPacket(4, T0 + 11 * MS);
        TransportCcFeedback late = single(generator.buildFeedback(SENDER, MEDIA, T0 + 20 * MS));

        assertThat(late.baseSequenceNumber()).isEqualTo(4);
        assertThat(late.packetStatuses()).hasSize(1);
    }

    @Test
    void shouldSplitFeedbackThatWouldExceed1200BytesIntoConsecutiveFeedbacks() {
        for (int seq = 0; seq < 3_000; seq++) {
            if (seq % 3 != 1) {
                generator.onPacket(seq, T0 + seq * MS);
            }
        }

        List<TransportCcFeedback> feedback = generator.buildFeedback(SENDER, MEDIA, T0 + 3_000 * MS);

        assertThat(feedback).hasSizeGreaterThan(1);
        int next = 0;
        for (int i = 0; i < feedback.size(); i++) {
            TransportCcFeedback part = feedback.get(i);
            assertThat(part.length()).isLessThanOrEqualTo(TransportCcFeedbackGenerator.MAX_FEEDBACK_LENGTH);
            assertThat(part.baseSequenceNumber()).isEqualTo(next);
            assertThat(part.feedbackPacketCount()).isEqualTo(i);
            assertThat(part.packetStatuses().get(0).receiveDelta()).isBetween(0, 255);
            next += part.packetStatusCount();
        }
        assertThat(next).isEqualTo(3_000);
    }

    @Test
    void shouldStartANewFeedbackWhereTheGapBetweenArrivalsExceedsWhatADeltaHolds() {
        generator.onPacket(0, T0);
        generator.onPacket(1, T0 + 8_000 * MS);
        generator.onPacket(2, T0 + 17_000 * MS);

        List<TransportCcFeedback> feedback = generator.buildFeedback(SENDER, MEDIA, T0 + 20_000 * MS);

        assertThat(feedback).hasSize(2);
        assertThat(feedback.get(0).packetStatuses()).containsExactly(received(160), received(32_000));
        assertThat(feedback.get(1).baseSequenceNumber()).isEqualTo(2);
        assertThat(feedback.get(1).referenceTime()).isEqualTo(281); // 18 s = 281 x 64 ms + 16 ms
        assertThat(feedback.get(1).packetStatuses()).containsExactly(received(64));
    }

    @Test
    void shouldStartANewFeedbackWhereAReorderedPacketArrivedMoreThan8sEarlier() {
        generator.onPacket(1, T0 + 9_000 * MS);
        generator.onPacket(0, T0);

        List<TransportCcFeedback> feedback = generator.buildFeedback(SENDER, MEDIA, T0 + 10_000 * MS);

        assertThat(feedback).extracting(TransportCcFeedback::baseSequenceNumber).containsExactly(0, 1);
    }

    @Test
    void shouldRememberOnlyTheNewest8192SequenceNumbers() {
        for (int seq = 0; seq < 20_000; seq++) {
            generator.onPacket(seq, T0 + seq * 250_000L);
        }
        generator.onPacket(100, T0 + 5_000 * MS);

        List<TransportCcFeedback> feedback = generator.buildFeedback(SENDER, MEDIA, T0 + 6_000 * MS);

        assertThat(feedback.get(0).baseSequenceNumber()).isEqualTo(20_000 - TransportCcFeedbackGenerator.HISTORY);
        assertThat(feedback).allSatisfy(part -> assertThat(part.packetStatuses()).doesNotContain(NOT_RECEIVED));
        assertThat(feedback.stream().mapToInt(TransportCcFeedback::packetStatusCount).sum())
                .isEqualTo(TransportCcFeedbackGenerator.HISTORY);
    }

    @Test
    void shouldWriteAClockThatReadsNegativeAsANegativeReferenceTime() {
        generator.onPacket(0, -MS);
        generator.onPacket(1, 0);

        TransportCcFeedback feedback = single(generator.buildFeedback(SENDER, MEDIA, MS));

        assertThat(feedback.referenceTime()).isEqualTo(-1);
        assertThat(feedback.packetStatuses()).containsExactly(received(252), received(4));
    }

    @Test
    void shouldWrapTheReferenceTimeIntoItsTwentyFourSignedBits() {
        generator.onPacket(0, (1L << 23) * 64 * MS);

        assertThat(single(generator.buildFeedback(SENDER, MEDIA, Long.MAX_VALUE)).referenceTime())
                .isEqualTo(TransportCcFeedback.MIN_REFERENCE_TIME);
    }

    @Test
    void shouldBuildNothingWhenNothingArrived() {
        assertThat(generator.buildFeedback(SENDER, MEDIA, T0)).isEmpty();

        generator.onPacket(7, T0);
        generator.buildFeedback(SENDER, MEDIA, T0 + MS);

        assertThat(generator.buildFeedback(SENDER, MEDIA, T0 + 2 * MS)).isEmpty();
    }

    @Test
    void shouldRefuseASequenceNumberOutsideSixteenBits() {
        assertThatThrownBy(() -> generator.onPacket(65_536, T0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> generator.onPacket(-1, T0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldReportNoPacketTwiceWithTheReceiveThreadAndTheFeedbackTaskRacing() throws Exception {
        int packets = 60_000;
        CompletableFuture<Void> receiving = CompletableFuture.runAsync(() -> {
            for (int seq = 0; seq < packets; seq++) {
                generator.onPacket(seq, T0 + seq * 250_000L);
            }
        });
        List<TransportCcFeedback> all = new ArrayList<>();
        while (!receiving.isDone()) {
            all.addAll(generator.buildFeedback(SENDER, MEDIA, Long.MAX_VALUE));
        }
        receiving.get(30, TimeUnit.SECONDS);
        all.addAll(generator.buildFeedback(SENDER, MEDIA, Long.MAX_VALUE));

        Set<Integer> received = new HashSet<>();
        for (int i = 0; i < all.size(); i++) {
            TransportCcFeedback feedback = all.get(i);
            assertThat(feedback.feedbackPacketCount()).isEqualTo(i & 0xFF);
            assertThat(feedback.length()).isLessThanOrEqualTo(TransportCcFeedbackGenerator.MAX_FEEDBACK_LENGTH);
            for (int s = 0; s < feedback.packetStatusCount(); s++) {
                if (feedback.packetStatuses().get(s).received()) {
                    assertThat(received.add(feedback.sequenceNumber(s))).as("first report of %d",
                            feedback.sequenceNumber(s)).isTrue();
                }
            }
        }
        assertThat(received).contains(packets - 1).hasSizeGreaterThanOrEqualTo(TransportCcFeedbackGenerator.HISTORY);
    }

    private static TransportCcFeedback single(List<TransportCcFeedback> feedback) {
        assertThat(feedback).hasSize(1);
        return feedback.get(0);
    }
}
