package org.telehealth.signaling.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** What the report reads from the pages' timelines (times are epoch ms; the patient was admitted at 1000). */
class JoinMeasurementTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String PATIENT = """
            {"marks": {"admitted": 1000, "offer-sent": 1030, "dtls-connected": 1200, "track": 1400, "first-decoded": 1520,
                       "first-frame": 1500},
             "exchanges": [{"sent": 1030, "answered": 1130, "applied": 1140}, {"sent": 1200, "answered": 1390, "applied": 1400},
                           {"sent": 1600, "answered": 1650}],
             "firstFrame": {"presented": 1500, "received": 1490, "width": 640, "height": 360},
             "inboundAtFirstDecoded": {"pliCount": 2}}""";

    @Test
    void shouldMeasureFromAdmittedToTheFirstFrameShownAndCountTheExchangesBeforeIt() throws Exception {
        JoinMeasurement join = new JoinMeasurement("sfu", 1, false, 990, JSON.readTree(PATIENT), null);

        assertThat(join.framed()).isTrue();
        assertThat(join.admittedToFirstFrame()).isEqualTo(500);
        assertThat(join.admitSentToFirstFrame()).isEqualTo(510);
        assertThat(join.exchangesBeforeFrame()).isEqualTo(2);
        assertThat(join.answerWithTrackApplied()).isEqualTo(400);
        assertThat(join.answerReceived(1) - join.offerSent(1)).isEqualTo(190);
        assertThat(join.firstFrameReceived()).isEqualTo(490);
        assertThat(join.sinceAdmitted("ice-connected")).isNaN();
    }

    @Test
    void shouldTellALayerSwitchAndADoctorOfferThatTheSecondOfferWaitedFor() throws Exception {
        JsonNode doctor = JSON.readTree("""
                {"layers": {"f": {"width": 1280, "pli": 1300}, "h": {"width": 640, "pli": 1450, "keyFrame": 1470},
                            "q": {"width": 320, "keyFrame": 1470}},
                 "exchanges": [{"sent": 1150, "answered": 1300}]}""");

        JoinMeasurement join = new JoinMeasurement("sfu", 1, false, 990, JSON.readTree(PATIENT), doctor);

        assertThat(join.layerAskedForKeyframe()).isEqualTo("f");
        assertThat(join.switchedLayerBeforeFirstFrame()).as("asked f (1280), showed 640").isTrue();
        assertThat(join.keyframeRequestAtDoctor()).isEqualTo(300);
        assertThat(join.keyframeEncodedAtDoctor()).isEqualTo(470);
        assertThat(join.secondOfferQueuedBehindDoctor()).isTrue();
    }

    @Test
    void shouldNotCountADoctorOfferAnsweredBeforeTheSecondOfferWasSent() throws Exception {
        JsonNode doctor = JSON.readTree("""
                {"layers": {"f": {"width": 640, "pli": 1300}}, "exchanges": [{"sent": 1050, "answered": 1100}]}""");

        JoinMeasurement join = new JoinMeasurement("sfu", 1, false, 990, JSON.readTree(PATIENT), doctor);

        assertThat(join.secondOfferQueuedBehindDoctor()).isFalse();
        assertThat(join.switchedLayerBeforeFirstFrame()).isFalse();
    }
}
