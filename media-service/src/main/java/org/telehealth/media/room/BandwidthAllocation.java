package org.telehealth.media.room;

import java.util.List;

/**
 * Shares one receiver's video budget between the video tracks it receives, in priority order
 * (screen shares first, then cameras): every track first gets its lowest layer that is being sent,
 * whatever the budget (the SFU never cuts a video off: the lowest layer is its floor); then, in
 * order, each track takes the highest layer that still fits in what is left and under the cap of
 * its section. A track sent whole has one layer, which only takes its share. The layer a track
 * already has counts at {@link #KEPT_LAYER_COST} of its rate, so a budget that wavers around it
 * does not flip it. Pure: {@link LayerSelector} feeds it and applies the result.
 */
final class BandwidthAllocation {

    /** No layer: the track sends none now. */
    static final int NONE = -1;
    /** The share of its rate a track's current layer counts for: REMB falls by 15% on overuse. */
    static final double KEPT_LAYER_COST = 0.85;

    /**
     * One track's demand.
     *
     * @param capBps the cap of the receiver's section for it ({@code b=AS}/{@code b=TIAS}), or
     *        {@link Long#MAX_VALUE}
     * @param layerBps each layer's measured bitrate, lowest layer first
     * @param active whether each layer is being sent
     * @param kept the layer the track has now, or {@link #NONE}
     */
    record Demand(long capBps, long[] layerBps, boolean[] active, int kept) {
    }

    private BandwidthAllocation() {
    }

    /** The layer of each demand, in the same order, or {@link #NONE} for a track none of whose layers is sent. */
    static int[] allocate(long budgetBps, List<Demand> demands) {
        int[] chosen = new int[demands.size()];
        long remaining = budgetBps;
        for (int i = 0; i < chosen.length; i++) {
            chosen[i] = lowestActive(demands.get(i));
            if (chosen[i] != NONE) {
                remaining -= cost(demands.get(i), chosen[i]);
            }
        }
        for (int i = 0; i < chosen.length; i++) {
            Demand demand = demands.get(i);
            if (chosen[i] == NONE) {
                continue;
            }
            for (int layer = demand.layerBps().length - 1; layer > chosen[i]; layer--) {
                long cost = cost(demand, layer);
                long more = cost - cost(demand, chosen[i]);
                if (demand.active()[layer] && cost <= demand.capBps() && more <= remaining) {
                    remaining -= more;
                    chosen[i] = layer;
                    break;
                }
            }
        }
        return chosen;
    }

    private static int lowestActive(Demand demand) {
        for (int layer = 0; layer < demand.active().length; layer++) {
            if (demand.active()[layer]) {
                return layer;
            }
        }
        return NONE;
    }

    private static long cost(Demand demand, int layer) {
        long rate = demand.layerBps()[layer];
        return layer == demand.kept() ? (long) (rate * KEPT_LAYER_COST) : rate;
    }
}
