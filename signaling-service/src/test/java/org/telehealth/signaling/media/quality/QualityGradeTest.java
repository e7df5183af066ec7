package org.telehealth.signaling.media.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.telehealth.signaling.protocol.ServerMessage.ParticipantQuality;

class QualityGradeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldGradeAClearConnectionGood() {
        ParticipantQuality quality = grade(stats(true, 1000, 0.01, 1_000_000, 0.0, 0, 120.4), 900);

        assertThat(quality).isEqualTo(new ParticipantQuality("p", "good", 1.0, 120.4, 1000));
    }

    @Test
    void shouldGradeSomeLossOrALongRoundTripFair() {
        assertThat(grade(stats(true, 1000, 0.02, 500_000, 0.0, 0, 50.0), 900).level()).isEqualTo("fair");
        assertThat(grade(stats(true, 1000, 0.0, 500_000, 0.0, 0, 300.0), 900).level()).isEqualTo("fair");
        assertThat(grade(stats(true, 1000, 0.079, 500_000, 0.0, 0, 799.0), 900).level()).isEqualTo("fair");
    }

    @Test
    void shouldGradeHeavyLossALongRoundTripOrSilencePoor() {
        assertThat(grade(stats(true, 1000, 0.08, 500_000, 0.0, 0, 50.0), 900).level()).isEqualTo("poor");
        assertThat(grade(stats(true, 1000, 0.0, 500_000, 0.0, 0, 800.0), 900).level()).isEqualTo("poor");
        assertThat(grade(stats(true, 1000, 0.0, 500_000, 0.0, 0, 50.0), 1000).level())
                .as("no packet since the last poll").isEqualTo("poor");
    }

    @Test
    void shouldNotJudgeSilenceOnTheFirstPollNorAnUnknownRoundTrip() {
        ParticipantQuality quality = QualityGrade.grade("p", stats(true, 1000, 0.0, 64_000, 0.0, 0, null), OptionalLong.empty());

        assertThat(quality).isEqualTo(new ParticipantQuality("p", "good", 0.0, null, 64));
    }

    @Test
    void shouldSayUnknownBeforeTheMediaConnects() {
        assertThat(grade(stats(false, 0, 0.0, 0, 0.0, 0, null), 0))
                .isEqualTo(new ParticipantQuality("p", "unknown", 0.0, null, 0));
    }

    @Test
    void shouldWeighEachStreamsLossByItsBitrate() {
        // a 900 kbit/s camera losing 1 %, 100 kbit/s microphone losing 11 %: 2 % overall
        ParticipantQuality quality = grade(stats(true, 1000, 0.01, 900_000, 0.11, 100_000, 10.0), 900);

        assertThat(quality.lossPercent()).isEqualTo(2.0);
        assertThat(quality.bitrateKbps()).isEqualTo(1000);
        assertThat(quality.level()).isEqualTo("fair");
    }

    @Test
    void shouldCountRtcpAsPacketsFromAParticipantWhoOnlyReceives() throws Exception {
        JsonNode receiverOnly = JSON.readTree("{\"connected\":true,\"rtpPacketsReceived\":0,\"rtcpPacketsReceived\":12,"
                + "\"inbound\":[],\"roundTripTimeMs\":null}");

        assertThat(QualityGrade.packets(receiverOnly)).isEqualTo(12);
        assertThat(QualityGrade.grade("p", receiverOnly, OptionalLong.of(10)).level()).isEqualTo("good");
    }

    private static ParticipantQuality grade(JsonNode stats, long packetsBefore) {
        return QualityGrade.grade("p", stats, OptionalLong.of(packetsBefore));
    }

    /** Stats as media-service answers them, with a video and (if its bitrate is not 0) an audio stream. */
    private static JsonNode stats(boolean connected, long rtpPackets, double videoLost, long videoBps, double audioLost,
            long audioBps, Double rttMs) {
        var node = JSON.createObjectNode();
        node.put("connected", connected);
        node.put("rtpPacketsReceived", rtpPackets);
        node.put("rtcpPacketsReceived", 0);
        var inbound = node.putArray("inbound");
        if (videoBps > 0 || videoLost > 0) {
            inbound.addObject().put("kind", "video").put("fractionLost", videoLost).put("bitrateBps", videoBps);
        }
        if (audioBps > 0) {
            inbound.addObject().put("kind", "audio").put("fractionLost", audioLost).put("bitrateBps", audioBps);
        }
        if (rttMs == null) {
            node.putNull("roundTripTimeMs");
        } else {
            node.put("roundTripTimeMs", rttMs);
        }
        return node;
    }
}
