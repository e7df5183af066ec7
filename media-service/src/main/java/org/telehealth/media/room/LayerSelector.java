package org.telehealth.media.room;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Chooses, for one receiver, the simulcast layer of each video track it receives, about every
 * 100 ms: the highest layers whose measured bitrates fit its budget ({@link BandwidthAllocation}),
 * going down at once and up only once the budget has allowed it for the hold time
 * ({@link #BASE_HOLD_NANOS}), one layer at a time.
 *
 * <p>The budget is the control API's limit and the receiver's REMB, whichever is lower; each
 * section's {@code b=AS}/{@code b=TIAS} caps its own track. Before the first REMB the budget is the
 * limit alone. A receiver's very first choice is also at most {@link #START_LAYER}, whatever an
 * early REMB says (the browser's starting guess, not a measurement) or the layers' measured rates
 * (a layer the publisher only just started looks cheap): a new receiver starts on a middle layer,
 * whose keyframe (the first thing it must receive) is a few times smaller than the top layer's and
 * reaches it sooner through the publisher's pacer; it climbs from there like any other.
 * A REMB can tell the SFU to
 * send less, but hardly to send more: libwebrtc's estimator never exceeds 1.5 times the rate it
 * receives, and Chrome's layers are 2.5 to 4 times apart. So when the REMB sits at that ceiling
 * ({@link #CEILING_RATIO} times what is forwarded, meaning no congestion seen) for the hold time,
 * the selector tries the next layer up of the first track that could have one, for
 * {@link #TRIAL_NANOS}, during which the REMB may climb to the new rate. A REMB that falls by more
 * than 10% (the estimator backs off only on congestion) ends the trial at once; either way, a
 * trial after which the layer does not fit failed, and doubles the hold time before the next
 * (up to {@link #MAX_HOLD_NANOS}); one that fits sets it back.
 *
 * <p>One per receiver, kept by the {@link Participant}; called by the feedback timer only.
 */
final class LayerSelector {

    static final long BASE_HOLD_NANOS = 2_500_000_000L;
    static final long MAX_HOLD_NANOS = 40_000_000_000L;
    static final long TRIAL_NANOS = 10_000_000_000L;
    static final double CEILING_RATIO = 1.3;
    static final double TRIAL_FAILURE_RATIO = 0.9;
    /**
     * The highest layer a receiver's first choice may take: Chrome's middle layer (640x360,
     * 500 kbit/s) and not its top one (1280x720, 1.5 Mbit/s, a keyframe of 60 to 100 KB).
     */
    static final int START_LAYER = 1;

    private static final long NEVER = Long.MIN_VALUE;

    /**
     * One video track the receiver gets, as the selector sees it.
     *
     * @param ssrc the SSRC the receiver knows it by
     * @param simulcast whether it has layers to choose from; a track sent whole has one layer
     * @param capBps the receiver's cap for its section, or {@link Long#MAX_VALUE}
     * @param layerBps each layer's measured bitrate, lowest first
     * @param active whether each layer is being sent
     * @param target its target layer now, or {@link BandwidthAllocation#NONE}
     */
    record VideoTrack(long ssrc, boolean screenShare, boolean simulcast, long capBps, long[] layerBps, boolean[] active,
            int target) {
    }

    private final Map<Long, Long> upSince = new HashMap<>();
    private long holdNanos = BASE_HOLD_NANOS;
    private long ceilingSince = NEVER;
    private boolean trying;
    private long trialEnd;
    private long trialRembBps;

    /**
     * The new target of each simulcast track whose target changes (a track without one gets its
     * first), by SSRC.
     *
     * @param limit the control API's limit
     * @param remb the receiver's latest REMB, if fresh
     * @param forwardedVideoBps the video forwarded to the receiver over the last second
     * @param tracks the video tracks the receiver gets, in the order its sections list them
     */
    synchronized Map<Long, Integer> select(long nowNanos, OptionalLong limit, OptionalLong remb, long forwardedVideoBps,
            List<VideoTrack> tracks) {
        List<VideoTrack> ordered = new ArrayList<>(tracks);
        ordered.sort(Comparator.comparing(track -> !track.screenShare()));
        int[] targets = new int[ordered.size()];
        Map<Long, Integer> changes = new LinkedHashMap<>();
        for (int i = 0; i < targets.length; i++) {
            VideoTrack track = ordered.get(i);
            targets[i] = track.simulcast() ? track.target() : 0;
            if (track.simulcast() && targets[i] != BandwidthAllocation.NONE && !track.active()[targets[i]]) {
                targets[i] = nearestActive(track, targets[i]);
                upSince.remove(track.ssrc());
            }
        }
        long capsBudget = limit.orElse(Long.MAX_VALUE);
        long budget = remb.isPresent() ? Math.min(capsBudget, remb.getAsLong()) : capsBudget;
        boolean trialEnded = false;
        if (trying && remb.isPresent() && remb.getAsLong() < TRIAL_FAILURE_RATIO * trialRembBps) {
            trying = false;
            backOff();
        } else if (trying && nowNanos - trialEnd < 0) {
            return changesFrom(ordered, targets, changes);
        } else if (trying) {
            trying = false;
            trialEnded = true;
        }
        int[] ideal = BandwidthAllocation.allocate(budget, demands(ordered, targets));
        if (startsNow(ordered)) {
            for (int i = 0; i < ideal.length; i++) {
                if (ordered.get(i).simulcast() && ideal[i] > START_LAYER) {
                    ideal[i] = ordered.get(i).active()[START_LAYER] ? START_LAYER : nearestActive(ordered.get(i), START_LAYER);
                }
            }
        }
        boolean wentDown = false;
        for (int i = 0; i < targets.length; i++) {
            VideoTrack track = ordered.get(i);
            if (!track.simulcast() || ideal[i] == BandwidthAllocation.NONE) {
                continue;
            }
            if (targets[i] == BandwidthAllocation.NONE || ideal[i] < targets[i]) {
                wentDown |= targets[i] != BandwidthAllocation.NONE;
                targets[i] = ideal[i];
                upSince.remove(track.ssrc());
            } else if (ideal[i] > targets[i]) {
                long since = upSince.computeIfAbsent(track.ssrc(), ssrc -> nowNanos);
                if (nowNanos - since >= holdNanos) {
                    targets[i] = nextActiveAbove(track, targets[i]);
                    upSince.put(track.ssrc(), nowNanos);
                }
            } else {
                upSince.remove(track.ssrc());
            }
        }
        if (trialEnded) {
            if (wentDown) {
                backOff();
            } else {
                holdNanos = BASE_HOLD_NANOS;
            }
        }
        if (!wentDown && remb.isPresent() && forwardedVideoBps > 0
                && remb.getAsLong() >= CEILING_RATIO * forwardedVideoBps) {
            tryNextLayer(nowNanos, remb.getAsLong(), capsBudget, ordered, targets);
        } else {
            ceilingSince = NEVER;
        }
        return changesFrom(ordered, targets, changes);
    }

    /** Whether this is the receiver's first choice: it has simulcast tracks, none with a target yet. */
    private static boolean startsNow(List<VideoTrack> tracks) {
        return tracks.stream().anyMatch(VideoTrack::simulcast)
                && tracks.stream().filter(VideoTrack::simulcast).allMatch(track -> track.target() == BandwidthAllocation.NONE);
    }

    /** The hold time before the next step up: {@link #BASE_HOLD_NANOS}, doubled by each failed trial. */
    synchronized long holdNanos() {
        return holdNanos;
    }

    /** Whether a trial of a higher layer is under way. */
    synchronized boolean trying() {
        return trying;
    }

    private void tryNextLayer(long nowNanos, long rembBps, long capsBudget, List<VideoTrack> ordered, int[] targets) {
        int[] allowed = BandwidthAllocation.allocate(capsBudget, demands(ordered, targets));
        for (int i = 0; i < targets.length; i++) {
            VideoTrack track = ordered.get(i);
            if (track.simulcast() && targets[i] != BandwidthAllocation.NONE && allowed[i] > targets[i]) {
                if (ceilingSince == NEVER) {
                    ceilingSince = nowNanos;
                } else if (nowNanos - ceilingSince >= holdNanos) {
                    targets[i] = nextActiveAbove(track, targets[i]);
                    upSince.remove(track.ssrc());
                    ceilingSince = NEVER;
                    trying = true;
                    trialEnd = nowNanos + TRIAL_NANOS;
                    trialRembBps = rembBps;
                }
                return;
            }
        }
        ceilingSince = NEVER;
    }

    private void backOff() {
        holdNanos = Math.min(holdNanos * 2, MAX_HOLD_NANOS);
    }

    private static List<BandwidthAllocation.Demand> demands(List<VideoTrack> ordered, int[] targets) {
        List<BandwidthAllocation.Demand> demands = new ArrayList<>(ordered.size());
        for (int i = 0; i < targets.length; i++) {
            VideoTrack track = ordered.get(i);
            demands.add(new BandwidthAllocation.Demand(track.capBps(), track.layerBps(), track.active(), targets[i]));
        }
        return demands;
    }

    private static Map<Long, Integer> changesFrom(List<VideoTrack> ordered, int[] targets, Map<Long, Integer> changes) {
        for (int i = 0; i < targets.length; i++) {
            VideoTrack track = ordered.get(i);
            if (track.simulcast() && targets[i] != BandwidthAllocation.NONE && targets[i] != track.target()) {
                changes.put(track.ssrc(), targets[i]);
            }
        }
        return changes;
    }

    private static int nearestActive(VideoTrack track, int layer) {
        for (int lower = layer - 1; lower >= 0; lower--) {
            if (track.active()[lower]) {
                return lower;
            }
        }
        for (int higher = layer + 1; higher < track.active().length; higher++) {
            if (track.active()[higher]) {
                return higher;
            }
        }
        return layer;
    }

    private static int nextActiveAbove(VideoTrack track, int layer) {
        for (int higher = layer + 1; higher < track.active().length; higher++) {
            if (track.active()[higher]) {
                return higher;
            }
        }
        return layer;
    }
}
