package org.telehealth.recording.benchmark;

import org.telehealth.infra.testing.GcPauses;

/**
 * One measured window of a step: the CPU of the three processes and of everything else on the
 * machine, in cores (CPU seconds per second of window), and what the participants sent and got
 * forwarded meanwhile.
 *
 * @param otherCores the machine's busy time minus the three processes': other sessions' work
 * @param stealCores time the hypervisor took from this machine
 * @param packetsNotSent packets the generator could not send (its socket buffer full)
 * @param forwardedDatagrams datagrams the SFU sent the participants (media, relayed reports, its own RTCP)
 * @param socketDrops datagrams the kernel dropped at any UDP socket of the machine (receive buffer full)
 * @param sfuSocketDrops of those, at the SFU's media socket (its one reader fell behind)
 * @param maxLatenessMillis the latest a frame left the generator after it was due
 */
record MeasuredWindow(double seconds, double sfuCores, double recorderCores, double generatorCores, double otherCores,
        double stealCores, long framesSent, long packetsSent, long packetsNotSent, long forwardedDatagrams,
        long socketDrops, long sfuSocketDrops, double maxLatenessMillis, GcPauses sfuGc, GcPauses recorderGc) {

    /** Frames the participants sent per second. */
    double framesPerSecond() {
        return framesSent / seconds;
    }

    /** Forwarded datagrams per media packet sent: about 1 with rooms of two when the SFU keeps up. */
    double forwardedPerPacketSent() {
        return packetsSent == 0 ? 0 : (double) forwardedDatagrams / packetsSent;
    }
}
