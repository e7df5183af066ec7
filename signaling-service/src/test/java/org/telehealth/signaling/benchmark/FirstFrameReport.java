package org.telehealth.signaling.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Turns the joins of a run into the text SignalingFirstFrameBenchmark prints and keeps in
 * {@code target/benchmark/first-frame/report.txt}: the conditions, admission to first frame through
 * the SFU and peer to peer (p50, p90, min, max), their ratio against the targets, the
 * steps of a join, and every join.
 */
final class FirstFrameReport {

    static final double RATIO_TARGET = 1.2;
    static final double SFU_TARGET_MILLIS = 1000;

    private record Step(String name, ToDoubleFunction<JoinMeasurement> since) {
    }

    private static final List<Step> STEPS = List.of(
            new Step("offer sent", j -> j.sinceAdmitted("offer-sent")),
            new Step("first answer received", j -> j.sinceAdmitted("answer-received")),
            new Step("second offer sent (SFU: receivers for the doctor's tracks)", j -> j.offerSent(1)),
            new Step("second answer received", j -> j.answerReceived(1)),
            new Step("ICE connected", j -> j.sinceAdmitted("ice-connected")),
            new Step("DTLS connected", j -> j.sinceAdmitted("dtls-connected")),
            new Step("answer with the remote track applied", JoinMeasurement::answerWithTrackApplied),
            new Step("remote video track", j -> j.sinceAdmitted("track")),
            new Step("keyframe request at the doctor (doctor's clock)", JoinMeasurement::keyframeRequestAtDoctor),
            new Step("keyframe encoded at the doctor (peer to peer: its first frame; doctor's clock)",
                    JoinMeasurement::keyframeEncodedAtDoctor),
            new Step("first video packet (getStats, 10 ms)", j -> j.sinceAdmitted("first-packet")),
            new Step("first shown frame's last packet (rVFC receiveTime)", JoinMeasurement::firstFrameReceived),
            new Step("first frame decoded (getStats, 10 ms)", j -> j.sinceAdmitted("first-decoded")),
            new Step("first frame shown (rVFC) = the figure", JoinMeasurement::admittedToFirstFrame));

    private final String machine;
    private final String loadBefore;
    private final String conditions;
    private String loadAfter = "";
    private final List<JoinMeasurement> joins = new ArrayList<>();

    FirstFrameReport(String machine, String loadBefore, String conditions) {
        this.machine = machine;
        this.loadBefore = loadBefore;
        this.conditions = conditions;
    }

    void add(JoinMeasurement join) {
        joins.add(join);
    }

    void finished() {
        loadAfter = Machine.loadAverage();
    }

    static String progressLine(JoinMeasurement join) {
        return String.format(Locale.ROOT, "  %-3s join %2d%s: admitted -> first frame %7.1f ms (decoded %7.1f, admit sent -> frame %7.1f),"
                        + " %d exchange(s), ICE %6.1f, DTLS %6.1f, track %6.1f, first packet %6.1f, frame %s, keyframe asked %6.1f (%s)%s",
                join.path(), join.number(), join.warmUp() ? " (warm-up)" : "", join.admittedToFirstFrame(),
                join.sinceAdmitted("first-decoded"), join.admitSentToFirstFrame(), join.exchangesBeforeFrame(),
                join.sinceAdmitted("ice-connected"), join.sinceAdmitted("dtls-connected"), join.sinceAdmitted("track"),
                join.sinceAdmitted("first-packet"), join.firstFrameSize(), join.keyframeRequestAtDoctor(), join.layerAskedForKeyframe(),
                join.switchedLayerBeforeFirstFrame() ? ", switched layer" : "");
    }

    /** Admission to first frame of the measured joins of a path, in milliseconds. */
    Percentiles figure(String path) {
        return percentiles(path, JoinMeasurement::admittedToFirstFrame);
    }

    String render() {
        List<String> out = new ArrayList<>();
        out.add("== signaling-service: admission to first remote frame, through the SFU and peer to peer ==");
        out.add("machine: " + machine);
        out.add("load average: " + loadBefore + " before, " + loadAfter + " after (1, 5, 15 min)");
        out.add(conditions);
        out.add("");
        out.add("| path | joins shown / measured | p50 ms | p90 ms | min ms | max ms | decoded p50 ms | admit sent -> shown p50 ms"
                + " | exchanges p50 |");
        out.add("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (String path : List.of("sfu", "p2p")) {
            Percentiles figure = figure(path);
            out.add(String.format(Locale.ROOT, "| %s | %d / %d | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f |", label(path),
                    figure.count(), measured(path).size(), figure.at(50), figure.at(90), figure.min(), figure.max(),
                    percentiles(path, j -> j.sinceAdmitted("first-decoded")).at(50),
                    percentiles(path, JoinMeasurement::admitSentToFirstFrame).at(50),
                    percentiles(path, j -> j.exchangesBeforeFrame()).at(50)));
        }
        double ratio = figure("sfu").at(50) / figure("p2p").at(50);
        out.add("");
        out.add(String.format(Locale.ROOT, "ratio SFU / peer to peer, p50: %.2f (p90: %.2f)", ratio,
                figure("sfu").at(90) / figure("p2p").at(90)));
        out.add(target("SFU within " + RATIO_TARGET + "x of peer to peer (p50)", ratio <= RATIO_TARGET,
                String.format(Locale.ROOT, "%.2fx", ratio)));
        out.add(target("SFU under 1 s on loopback (p50)", figure("sfu").at(50) < SFU_TARGET_MILLIS,
                String.format(Locale.ROOT, "%.0f ms", figure("sfu").at(50))));
        out.add("");
        out.add("Steps of a join, p50 ms after the patient page received `admitted` (each step's own p50: they need not add up):");
        out.add("");
        out.add("| step | SFU p50 | SFU p90 | peer to peer p50 | peer to peer p90 |");
        out.add("|---|---:|---:|---:|---:|");
        for (Step step : STEPS) {
            Percentiles sfu = percentiles("sfu", step.since());
            Percentiles p2p = percentiles("p2p", step.since());
            out.add(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |", step.name(), ms(sfu.at(50)), ms(sfu.at(90)),
                    ms(p2p.at(50)), ms(p2p.at(90))));
        }
        out.add("");
        out.add(String.format(Locale.ROOT, "first frame shown: SFU %s, peer to peer %s; codec %s / %s; keyframe requests the doctor got"
                        + " first, SFU: %s", sizes("sfu"), sizes("p2p"), codecs("sfu"), codecs("p2p"), askedLayers()));
        out.add(String.format(Locale.ROOT, "keyframe requests (PLI) the patient's receiver sent before its first decoded frame: SFU p50 %s,"
                        + " peer to peer p50 %s", ms(percentiles("sfu", j -> j.inboundAtFirstDecoded().path("pliCount").asDouble()).at(50)),
                ms(percentiles("p2p", j -> j.inboundAtFirstDecoded().path("pliCount").asDouble()).at(50))));
        List<JoinMeasurement> sfu = measured("sfu").stream().filter(JoinMeasurement::framed).toList();
        out.add(String.format(Locale.ROOT, "SFU: offer/answer exchanges before the first frame, p50 %s; first exchange p50 %s ms, second"
                        + " p50 %s ms; in %d of %d joins the patient's second offer waited while the doctor's renegotiation (for the"
                        + " patient's tracks) was relayed", ms(percentiles("sfu", j -> j.exchangesBeforeFrame()).at(50)),
                ms(percentiles("sfu", j -> j.answerReceived(0) - j.offerSent(0)).at(50)),
                ms(percentiles("sfu", j -> j.answerReceived(1) - j.offerSent(1)).at(50)),
                sfu.stream().filter(JoinMeasurement::secondOfferQueuedBehindDoctor).count(), sfu.size()));
        List<JoinMeasurement> switched = sfu.stream().filter(JoinMeasurement::switchedLayerBeforeFirstFrame).toList();
        out.add(String.format(Locale.ROOT, "SFU: in %d of %d joins the first frame came from another layer than the SFU first asked a"
                        + " keyframe of (a switch before the first frame): p50 %s ms for those, %s ms for the others; top layer (f)"
                        + " frames the doctor encoded during the join, p50 %s", switched.size(), sfu.size(),
                ms(new Percentiles(switched.stream().map(JoinMeasurement::admittedToFirstFrame).toList()).at(50)),
                ms(new Percentiles(sfu.stream().filter(j -> !j.switchedLayerBeforeFirstFrame()).map(JoinMeasurement::admittedToFirstFrame)
                        .toList()).at(50)),
                ms(new Percentiles(sfu.stream().map(j -> (double) j.framesEncodedDuringJoin("f")).toList()).at(50))));
        out.add(String.format(Locale.ROOT, "peer to peer: exchange p50 %s ms; DTLS connected to the doctor's first encoded frame p50 %s ms;"
                        + " the doctor's fresh encoder at its first frame: %s",
                ms(percentiles("p2p", j -> j.answerReceived(0) - j.offerSent(0)).at(50)),
                ms(percentiles("p2p", j -> j.keyframeEncodedAtDoctor() - j.sinceAdmitted("dtls-connected")).at(50)),
                measured("p2p").stream().map(JoinMeasurement::doctorAtFirstKeyframe).filter(n -> n != null && n.isObject())
                        .map(n -> n.path("frameWidth").asText() + "px/" + n.path("framesEncoded").asText() + " frames/"
                                + n.path("qualityLimitationReason").asText() + "/" + n.path("qualityLimitationResolutionChanges").asText()
                                + " changes")
                        .distinct().limit(6).toList()));
        out.add("");
        out.add("Every join (ms after `admitted`, patient's clock unless said):");
        joins.forEach(join -> out.add(progressLine(join)));
        return String.join("\n", out) + "\n";
    }

    private List<JoinMeasurement> measured(String path) {
        return joins.stream().filter(j -> j.path().equals(path) && !j.warmUp()).toList();
    }

    private Percentiles percentiles(String path, ToDoubleFunction<JoinMeasurement> value) {
        return new Percentiles(measured(path).stream().filter(JoinMeasurement::framed).map(value::applyAsDouble).toList());
    }

    private String sizes(String path) {
        return measured(path).stream().map(JoinMeasurement::firstFrameSize).distinct().sorted().toList().toString();
    }

    private String codecs(String path) {
        return measured(path).stream().map(j -> j.inboundAtFirstDecoded().path("codec").asText("-")).distinct().toList().toString();
    }

    private String askedLayers() {
        return measured("sfu").stream().map(JoinMeasurement::layerAskedForKeyframe).distinct().sorted().toList().toString();
    }

    private static String label(String path) {
        return path.equals("sfu") ? "through the SFU (signaling + media-service)" : "peer to peer (baseline)";
    }

    private static String ms(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.0f", value);
    }

    private static String target(String name, boolean met, String figure) {
        return "target: " + name + ": " + (met ? "MET" : "NOT MET") + " (" + figure + ")";
    }
}
