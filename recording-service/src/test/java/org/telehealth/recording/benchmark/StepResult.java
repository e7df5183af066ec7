package org.telehealth.recording.benchmark;

import java.util.Locale;
import java.util.Optional;

/**
 * One step of the recording benchmark: {@code visits} visits on the SFU, measured first with the SFU
 * only forwarding them, then with every visit recorded (the SFU forwarding and forking, the recorder
 * capturing), and the figures the report derives from the two windows.
 *
 * @param failedFirst the first recording window's verdict, when it failed and a second window was measured (the
 *        machine is shared: one bad window is measured again)
 * @param liveHeapBytes the recorder's live heap with the step's recordings running
 * @param stopMillis how long stopping and sealing every recording took
 */
record StepResult(int visits, MeasuredWindow forwarding, MeasuredWindow recording, CaptureWindow capture,
        RealTimeVerdict verdict, Optional<FailedWindow> failedFirst, long liveHeapBytes, long stopMillis, SpoolFilesCheck files) {

    /** A recording window that was not real time, measured again. */
    record FailedWindow(RealTimeVerdict verdict, MeasuredWindow window, CaptureWindow capture) {

        /** Its verdict and where else the packets could have gone: the SFU's or the participants' sockets, the generator. */
        String explained() {
            return String.format(Locale.ROOT, "%s (datagrams dropped at the SFU's media socket: %d, at other"
                    + " sockets: %d; packets the generator could not send: %d; generator up to %.0f ms late; other"
                    + " processes %.2f cores)", verdict, window.sfuSocketDrops(),
                    window.socketDrops() - window.sfuSocketDrops() - capture.socketDrops(), window.packetsNotSent(),
                    window.maxLatenessMillis(), window.otherCores());
        }
    }

    /** The recorder's CPU per recording: milliseconds of CPU per second recorded. */
    double recorderMillisPerRecording() {
        return 1000 * recording.recorderCores() / visits;
    }

    /** The same for the capture threads alone (receive, depacketize, mux, encrypt, write): the rest is GC, JIT and the JVM. */
    double captureThreadMillisPerRecording() {
        return capture.captureThreadNanos() / 1e6 / recording.seconds() / visits;
    }

    /** The SFU's CPU per visit while it only forwards (two participants, each receiving the other). */
    double forwardingMillisPerVisit() {
        return 1000 * forwarding.sfuCores() / visits;
    }

    /** What the fork adds at the SFU per recorded visit (sending every packet once more). */
    double forkMillisPerVisit() {
        return 1000 * (recording.sfuCores() - forwarding.sfuCores()) / visits;
    }

    /** Recording a visit against forwarding it: the recorder's cores over the SFU's, same visits, same run. */
    double recordingToForwarding() {
        return forwarding.sfuCores() == 0 ? Double.NaN : recording.recorderCores() / forwarding.sfuCores();
    }

    /** Encrypted bytes written per recording, in kbit/s. */
    double writtenKbitPerRecording() {
        return capture.fileBytes() * 8 / 1000.0 / recording.seconds() / visits;
    }

    /** Live heap per recording over the idle recorder's, in KiB. */
    double heapKibPerRecording(long idleHeapBytes) {
        return (liveHeapBytes - idleHeapBytes) / 1024.0 / visits;
    }
}
