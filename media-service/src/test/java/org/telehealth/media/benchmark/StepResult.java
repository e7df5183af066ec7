package org.telehealth.media.benchmark;

import org.telehealth.infra.testing.GcPauses;

/**
 * The figures of one load step, over its measurement window.
 *
 * @param offeredPps packets per second receivers should get, as the step asked
 * @param sentPps what the generator actually sent in that window, times each packet's fan-out
 * @param deliveredPps measured packets that reached a receiver (forwarded or echoed) per second
 * @param lossPercent measured packets that never arrived (or failed SRTP) over those sent
 * @param serverCores CPU time of the server's process over the window, in cores
 * @param generatorCores the load generator's CPU (this JVM), in cores
 * @param otherCores CPU that neither used: other processes on the machine, and kernel work not charged to a process
 * @param stealCores CPU the hypervisor took from this VM
 * @param receiveBufferDrops datagrams the kernel dropped because a socket's receive buffer was full
 * @param serverGc the server JVM's GC pauses in the window
 */
record StepResult(String label, double offeredPps, double sentPps, double deliveredPps, double lossPercent,
        double serverCores, double generatorCores, double otherCores, double stealCores,
        double p50Micros, double p99Micros, double maxMicros, long receiveBufferDrops, GcPauses serverGc) {

    /** The generator fell short of the asked rate by more than 3%: flagged, the step measured less than it asked. */
    private static final double GENERATOR_TOLERANCE = 0.97;
    /** The generator sent less than 90% of the asked rate: it, not the server, is the limit of the step. */
    private static final double GENERATOR_LIMIT = 0.90;

    double deliveredPerCore() {
        return serverCores > 0 ? deliveredPps / serverCores : 0;
    }

    boolean generatorShort() {
        return sentPps < GENERATOR_TOLERANCE * offeredPps;
    }

    boolean generatorLimited() {
        return sentPps < GENERATOR_LIMIT * offeredPps;
    }
}
