package org.telehealth.recording.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.telehealth.infra.testing.GcPauses;

class StepResultTest {

    @Test
    void shouldDeriveCostsPerRecordingAndPerVisitFromBothWindows() {
        GcPauses none = new GcPauses(0, 0);
        MeasuredWindow forwarding = new MeasuredWindow(6, 0.08, 0.002, 0.1, 0.3, 0, 7_200, 16_000, 0, 16_100, 0, 0, 1.5, none, none);
        MeasuredWindow recording = new MeasuredWindow(6, 0.10, 0.24, 0.1, 0.3, 0, 7_200, 16_000, 0, 16_100, 0, 0, 1.5, none, none);
        CaptureWindow capture = new CaptureWindow(8, 16_000, 7_150, 890, 0, 0, 0, 0, 12_000_000, 1_200_000_000L);
        StepResult step = new StepResult(8, forwarding, recording, capture, new RealTimeVerdict(List.of()), Optional.empty(),
                40L << 20, 900, new SpoolFilesCheck(8, 8, "4 streams"));

        assertThat(step.recorderMillisPerRecording()).isCloseTo(30, within(1e-9));
        assertThat(step.captureThreadMillisPerRecording()).isCloseTo(25, within(1e-9));
        assertThat(step.forwardingMillisPerVisit()).isCloseTo(10, within(1e-9));
        assertThat(step.forkMillisPerVisit()).isCloseTo(2.5, within(1e-9));
        assertThat(step.recordingToForwarding()).isCloseTo(3, within(1e-9));
        assertThat(step.writtenKbitPerRecording()).isCloseTo(2_000, within(1e-9));
        assertThat(step.heapKibPerRecording(32L << 20)).isCloseTo(1024, within(1e-9));
        assertThat(forwarding.forwardedPerPacketSent()).isCloseTo(16_100 / 16_000.0, within(1e-9));
    }
}
