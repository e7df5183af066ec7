package org.telehealth.signaling.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;

/**
 * One measured join, as the two pages saw it: the patient's timeline ({@code timeline.js},
 * JoinTimeline) and the doctor's sending side (SenderWatch), with the doctor's time of sending
 * {@code admit}. Times are the pages' epoch milliseconds; a duration "since admitted" is taken on
 * the patient page's own clock, one "at the doctor" compares the two pages' clocks.
 *
 * @param path {@code sfu} or {@code p2p}
 * @param admitSent when the doctor page sent {@code admit}
 * @param patient the patient page's result
 * @param doctor the doctor page's sender report (may be null)
 */
record JoinMeasurement(String path, int number, boolean warmUp, double admitSent, JsonNode patient, JsonNode doctor) {

    /** The first time of a step on the patient page, NaN if it did not happen. */
    double mark(String name) {
        JsonNode at = patient.path("marks").path(name);
        return at.isNumber() ? at.asDouble() : Double.NaN;
    }

    /** Milliseconds from the patient page's {@code admitted} to a step. */
    double sinceAdmitted(String name) {
        return mark(name) - mark("admitted");
    }

    boolean framed() {
        return !Double.isNaN(mark("first-frame"));
    }

    /** The figure: the patient page receiving {@code admitted} to the first remote frame shown. */
    double admittedToFirstFrame() {
        return sinceAdmitted("first-frame");
    }

    /** The doctor's page sending {@code admit} to the first remote frame shown on the patient's (two clocks). */
    double admitSentToFirstFrame() {
        return mark("first-frame") - admitSent;
    }

    /** Offer/answer exchanges the patient page made before its first frame. */
    int exchangesBeforeFrame() {
        int count = 0;
        for (JsonNode exchange : patient.path("exchanges")) {
            if (exchange.path("sent").asDouble() < mark("first-frame")) {
                count++;
            }
        }
        return count;
    }

    /** Since admitted: offer {@code index} (0 first) of the patient page was sent, NaN if there was none. */
    double offerSent(int index) {
        JsonNode exchange = patient.path("exchanges").path(index);
        return exchange.path("sent").asDouble(Double.NaN) - mark("admitted");
    }

    /** Since admitted: the answer to offer {@code index} of the patient page arrived, NaN if it did not. */
    double answerReceived(int index) {
        JsonNode exchange = patient.path("exchanges").path(index);
        return exchange.path("answered").asDouble(Double.NaN) - mark("admitted");
    }

    /**
     * Whether the doctor page's own offer (its renegotiation for the patient's tracks) was under way
     * or answered while the patient's second offer awaited its answer: signaling relays a visit's
     * offers one at a time.
     */
    boolean secondOfferQueuedBehindDoctor() {
        double sent = offerSent(1);
        double answered = answerReceived(1);
        if (doctor == null || Double.isNaN(sent) || Double.isNaN(answered)) {
            return false;
        }
        for (JsonNode exchange : doctor.path("exchanges")) {
            double doctorSent = exchange.path("sent").asDouble(Double.NaN) - mark("admitted");
            double doctorAnswered = exchange.path("answered").asDouble(Double.NaN) - mark("admitted");
            if (doctorSent < answered && doctorAnswered > sent) {
                return true;
            }
        }
        return false;
    }

    /** What the doctor's encoder had done when its first keyframe after admitting came (peer to peer: a fresh encoder). */
    JsonNode doctorAtFirstKeyframe() {
        return doctor == null ? null : doctor.path("layers").path("single").path("atKeyFrame");
    }

    /** Since admitted: the answer of the exchange that brought the remote video track was applied. */
    double answerWithTrackApplied() {
        double track = mark("track");
        double applied = Double.NaN;
        for (JsonNode exchange : patient.path("exchanges")) {
            double at = exchange.path("applied").asDouble(Double.NaN);
            if (!Double.isNaN(at) && at <= track + 1) {
                applied = at;
            }
        }
        return applied - mark("admitted");
    }

    /** Since admitted: the last packet of the first shown frame arrived (requestVideoFrameCallback's receiveTime). */
    double firstFrameReceived() {
        JsonNode received = patient.path("firstFrame").path("received");
        return received.isNumber() ? received.asDouble() - mark("admitted") : Double.NaN;
    }

    String firstFrameSize() {
        JsonNode frame = patient.path("firstFrame");
        return frame.isObject() ? frame.path("width").asInt() + "x" + frame.path("height").asInt() : "-";
    }

    JsonNode inboundAtFirstDecoded() {
        return patient.path("inboundAtFirstDecoded");
    }

    /** Since admitted, on the doctor's clock: the first keyframe request (PLI or FIR) the doctor's page got, NaN if none. */
    double keyframeRequestAtDoctor() {
        return earliestLayerEvent("pli", "fir") - mark("admitted");
    }

    /** Since admitted, on the doctor's clock: the first keyframe the doctor's page encoded after admitting. */
    double keyframeEncodedAtDoctor() {
        return earliestLayerEvent("keyFrame") - mark("admitted");
    }

    /** Which layer got the first keyframe request ({@code q}, {@code h}, {@code f}, or {@code single}). */
    String layerAskedForKeyframe() {
        String layer = "-";
        double earliest = Double.POSITIVE_INFINITY;
        for (Iterator<Map.Entry<String, JsonNode>> it = layers(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            for (String field : new String[] {"pli", "fir"}) {
                double at = entry.getValue().path(field).asDouble(Double.NaN);
                if (at < earliest) {
                    earliest = at;
                    layer = entry.getKey();
                }
            }
        }
        return layer;
    }

    /**
     * Whether the first frame shown came from another simulcast layer than the one the SFU first
     * asked a keyframe of: the layer it chose first was not being sent, and it had to switch.
     */
    boolean switchedLayerBeforeFirstFrame() {
        String asked = layerAskedForKeyframe();
        if (doctor == null || asked.equals("-") || !framed()) {
            return false;
        }
        return doctor.path("layers").path(asked).path("width").asInt() != patient.path("firstFrame").path("width").asInt();
    }

    /** Frames the doctor's encoder produced on {@code layer} from the admission to the end of the join. */
    long framesEncodedDuringJoin(String layer) {
        JsonNode seen = doctor == null ? null : doctor.path("layers").path(layer);
        if (seen == null || !seen.has("atStart") || !seen.has("atEnd")) {
            return -1;
        }
        return seen.path("atEnd").path("framesEncoded").asLong() - seen.path("atStart").path("framesEncoded").asLong();
    }

    private double earliestLayerEvent(String... fields) {
        double earliest = Double.NaN;
        for (Iterator<Map.Entry<String, JsonNode>> it = layers(); it.hasNext(); ) {
            JsonNode layer = it.next().getValue();
            for (String field : fields) {
                double at = layer.path(field).asDouble(Double.NaN);
                if (!Double.isNaN(at) && (Double.isNaN(earliest) || at < earliest)) {
                    earliest = at;
                }
            }
        }
        return earliest;
    }

    private Iterator<Map.Entry<String, JsonNode>> layers() {
        return doctor == null ? Collections.emptyIterator() : doctor.path("layers").fields();
    }
}
