package org.telehealth.media.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.telehealth.media.sdp.Codec;

/** Chromium's and Firefox's numbers for the same formats, as their offers give them. */
class PayloadTypesTest {

    static final Map<String, List<Codec>> CHROMIUM = Map.of(
            "0", List.of(codec(111, "opus", 48_000, 2)),
            "1", List.of(codec(96, "VP8", 90_000, 1), rtx(97, 96), codec(98, "VP9", 90_000, 1), rtx(99, 98)));
    static final Map<String, List<Codec>> FIREFOX = Map.of(
            "0", List.of(codec(109, "opus", 48_000, 2)),
            "1", List.of(codec(120, "VP8", 90_000, 1), rtx(124, 120), codec(121, "VP9", 90_000, 1), rtx(125, 121)));

    private final PayloadTypes chromium = PayloadTypes.of(CHROMIUM);
    private final PayloadTypes firefox = PayloadTypes.of(FIREFOX);

    @Test
    void shouldGiveAPacketTheReceiversNumberForItsFormat() {
        assertThat(chromium.numberFor(120, firefox)).as("Firefox's VP8 to Chromium").isEqualTo(96);
        assertThat(chromium.numberFor(121, firefox)).as("VP9").isEqualTo(98);
        assertThat(chromium.numberFor(109, firefox)).as("Opus").isEqualTo(111);
        assertThat(firefox.numberFor(96, chromium)).as("Chromium's VP8 to Firefox").isEqualTo(120);
        assertThat(firefox.numberFor(111, chromium)).isEqualTo(109);
        assertThat(chromium.numberFor(96, chromium)).as("same browser, same number").isEqualTo(96);
    }

    @Test
    void shouldMatchEncodingNamesInAnyCase() {
        PayloadTypes lowerCase = PayloadTypes.of(Map.of("1", List.of(codec(100, "vp8", 90_000, 1))));

        assertThat(lowerCase.numberFor(120, firefox)).isEqualTo(100);
    }

    @Test
    void shouldKeepTheNumberOfAFormatOneSideDoesNotKnow() {
        PayloadTypes vp8Only = PayloadTypes.of(Map.of("1", List.of(codec(96, "VP8", 90_000, 1))));

        assertThat(vp8Only.numberFor(121, firefox)).as("the receiver negotiated no VP9").isEqualTo(121);
        assertThat(chromium.numberFor(35, firefox)).as("a number the publisher never negotiated").isEqualTo(35);
        assertThat(chromium.numberFor(124, firefox)).as("RTX is not a format: the SFU writes its own").isEqualTo(124);
        assertThat(PayloadTypes.NONE.numberFor(120, firefox)).isEqualTo(120);
    }

    @Test
    void shouldSendWithTheFirstNumberListedWhenAFormatHasSeveral() {
        PayloadTypes twoVp8 = PayloadTypes.of(Map.of(
                "1", List.of(codec(100, "VP8", 90_000, 1), codec(96, "VP8", 90_000, 1)),
                "2", List.of(codec(102, "VP8", 90_000, 1))));

        assertThat(twoVp8.numberFor(120, firefox)).isEqualTo(100);
        assertThat(firefox.numberFor(102, twoVp8)).as("every one of its numbers is read").isEqualTo(120);
    }

    @Test
    void shouldBeEqualWhenTheNumberingIs() {
        assertThat(PayloadTypes.of(CHROMIUM)).isEqualTo(chromium).hasSameHashCodeAs(chromium).isNotEqualTo(firefox);
    }

    private static Codec codec(int payloadType, String name, int clockRate, int channels) {
        return new Codec(payloadType, name, clockRate, channels, Map.of(), List.of());
    }

    private static Codec rtx(int payloadType, int original) {
        return new Codec(payloadType, "rtx", 90_000, 1, Map.of("apt", Integer.toString(original)), List.of());
    }
}
