package org.telehealth.signaling.benchmark;

import org.telehealth.infra.testing.GcPauses;

/**
 * One measured window of the connections benchmark.
 *
 * @param label what the step was (its size; "again" for a second window of the same size)
 * @param connections open visit sockets (two per visit) during the window
 * @param joinSeconds how long the visits added for this step took to join (0 for a repeated window)
 * @param failedVisits visits of this step that did not get both participants into the call
 * @param chat chat latency, send to the other participant, in milliseconds
 * @param pong ping to pong, in milliseconds
 * @param signalingCores signaling's CPU time over the window / its length
 * @param generatorCores the load generator's (this JVM's)
 * @param otherCores everything else on the machine (Kafka included)
 * @param liveHeapBytes signaling's live heap after a full GC after the window, -1 if not taken
 */
record ConnectionStep(String label, int connections, double joinSeconds, int failedVisits, long chatsSent, Percentiles chat,
        long pingsSent, Percentiles pong, double signalingCores, double generatorCores, double otherCores, GcPauses gc,
        long liveHeapBytes, String loadAverage) {

    ConnectionStep withLiveHeap(long bytes) {
        return new ConnectionStep(label, connections, joinSeconds, failedVisits, chatsSent, chat, pingsSent, pong, signalingCores,
                generatorCores, otherCores, gc, bytes, loadAverage);
    }

    /** Chat lines sent in the window that did not reach the other participant within the grace time. */
    long chatsLost() {
        return chatsSent - chat.count();
    }
}
