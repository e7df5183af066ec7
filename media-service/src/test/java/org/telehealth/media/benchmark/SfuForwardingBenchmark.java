package org.telehealth.media.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The SFU forwarding benchmark (docs/benchmarks.md): synthetic publishers and subscribers do real
 * ICE-lite, DTLS and SRTP with the packaged media-service over loopback, and the same load generator
 * drives a bare UDP echo as the baseline. Prints, and writes to target/benchmark, forwarded packets
 * per second per core, latency added over the echo, loss and memory per participant.
 *
 * <p>Not a test of the normal build: its name matches no surefire pattern, and the {@code benchmark}
 * Maven profile runs it (see media-service/README.md). It fails only when it cannot measure.
 */
@Tag("benchmark")
class SfuForwardingBenchmark {

    private static final LoadRamp.Timing WARM_UP = new LoadRamp.Timing(500, 1_000, 200);
    private static final double WARM_UP_PPS = 2_000;
    /** DTLS handshake threads stay 10 s after a handshake (DtlsHandshake); the warm-up outlasts them. */
    private static final long MIN_WARM_UP_NANOS = 11_000_000_000L;
    private static final long MAX_WARM_UP_NANOS = 40_000_000_000L;

    private final BenchmarkSettings settings = BenchmarkSettings.fromSystemProperties();
    private final BenchmarkReport report = new BenchmarkReport(settings, MachineDescription.current());

    @Test
    void shouldMeasureForwardingAgainstABareUdpEcho() throws Exception {
        long start = System.nanoTime();
        Path work = settings.workDirectory();
        Files.createDirectories(work);
        UdpEchoProcess.Started echo = UdpEchoProcess.start(settings.serverJvmOptions(), settings.socketBufferBytes(),
                work.resolve("udp-echo.log"));
        Optional<StepResult> sfuAtHalfPeak;
        try (ChildJvm echoJvm = echo.jvm()) {
            TrafficPlan echoPlan = TrafficPlan.throughEcho(echo.address(), settings.participants(), settings.sizes(),
                    settings.socketBufferBytes());
            System.out.println("UDP echo baseline, " + settings.participants() + " clients");
            try (LoadRamp ramp = new LoadRamp(echoPlan, echoJvm, settings.timing(), settings.startPps())) {
                report.echo(search(ramp));
            }
            sfuAtHalfPeak = measureSfu(work);
            if (sfuAtHalfPeak.isPresent()) {
                try (LoadRamp ramp = new LoadRamp(echoPlan, echoJvm, settings.timing(), sfuAtHalfPeak.get().offeredPps())) {
                    StepResult echoAtSameRate = ramp.step("udp-echo, SFU's half", sfuAtHalfPeak.get().offeredPps());
                    report.latencyAtHalfPeak(sfuAtHalfPeak.get(), echoAtSameRate);
                }
            }
            echoPlan.close();
        }
        report.finished();
        String text = report.render();
        System.out.println(text);
        System.out.printf("benchmark took %.0f s; report in %s%n", (System.nanoTime() - start) / 1e9,
                work.resolve("media-forwarding.txt").toAbsolutePath());
        Files.writeString(work.resolve("media-forwarding.txt"), text);

        assertThat(sfuAtHalfPeak).as("the SFU forwarded the first step without loss; see %s", work.toAbsolutePath()).isPresent();
    }

    /**
     * Runs the SFU phase and returns its step at half of its peak, if it had one. Memory: the live
     * heap idle, with the first half of the rooms and with all of them; the second half's growth
     * is what a participant costs once everything initialized on first use is there.
     */
    private Optional<StepResult> measureSfu(Path work) throws Exception {
        SfuProcess.Started sfu = SfuProcess.start(settings.app(), settings.serverJvmOptions(), work.resolve("media-service.log"));
        try (ChildJvm jvm = sfu.jvm()) {
            ControlApiClient control = new ControlApiClient(sfu.baseUrl());
            HeapHistogram idle = HeapHistogram.afterFullGc(jvm);
            int half = settings.rooms() / 2;
            List<SyntheticParticipant> participants = new ArrayList<>(connect(control, 0, half));
            // The first half's sockets and streams go on in the full plan, which closes them.
            HeapHistogram halfFull = warmUp(TrafficPlan.throughSfu(participants, settings.roomSize(), settings.sizes()), jvm);
            participants.addAll(connect(control, half, settings.rooms()));
            TrafficPlan plan = TrafficPlan.throughSfu(participants, settings.roomSize(), settings.sizes());
            try (LoadRamp ramp = new LoadRamp(plan, jvm, settings.timing(), WARM_UP_PPS)) {
                Thread.sleep(WARM_UP.warmupMillis()); // media flowing from everyone: every SRTP context exists
                HeapHistogram full = ramp.heapWithTrafficPaused();
                report.memory(new BenchmarkReport.Memory(idle, half * settings.roomSize(), halfFull, participants.size(), full));
                Files.writeString(work.resolve("media-service-heap-idle.txt"), idle.text());
                Files.writeString(work.resolve(heapFile(half * settings.roomSize())), halfFull.text());
                Files.writeString(work.resolve(heapFile(participants.size())), full.text());
                LoadRamp.Search search = search(ramp);
                report.sfu(search);
                if (search.peak().isEmpty()) {
                    return Optional.empty();
                }
                return Optional.of(ramp.step("media-service, half peak", search.peak().get().offeredPps() / 2));
            } finally {
                plan.close();
            }
        }
    }

    private List<SyntheticParticipant> connect(ControlApiClient control, int fromRoom, int toRoom) throws Exception {
        long start = System.nanoTime();
        List<SyntheticParticipant> connected = SfuRooms.connect(control, "room", fromRoom, toRoom, settings.roomSize(),
                settings.socketBufferBytes());
        System.out.printf("media-service: %d participants joined, published, connected (ICE, DTLS) and subscribed in %.1f s%n",
                connected.size(), (System.nanoTime() - start) / 1e9);
        return connected;
    }

    /**
     * Forwards the first half's media until a step passes without loss and the handshake threads are
     * idle again (jitsi-srtp times each AES implementation for seconds before its first packet, in
     * the SFU and here), then takes the live heap.
     */
    private HeapHistogram warmUp(TrafficPlan plan, ChildJvm jvm) throws Exception {
        long start = System.nanoTime();
        try (LoadRamp ramp = new LoadRamp(plan, jvm, WARM_UP, WARM_UP_PPS)) {
            StepResult step;
            do {
                step = ramp.step("media-service warm-up", WARM_UP_PPS);
            } while (System.nanoTime() - start < MAX_WARM_UP_NANOS
                    && (step.deliveredPps() == 0 || step.lossPercent() > 0 || System.nanoTime() - start < MIN_WARM_UP_NANOS));
            return ramp.heapWithTrafficPaused();
        }
    }

    private static String heapFile(int participants) {
        return "media-service-heap-" + participants + "-participants.txt";
    }

    private LoadRamp.Search search(LoadRamp ramp) throws InterruptedException {
        return ramp.searchPeak(settings.startPps(), settings.stepFactor(), settings.maxSteps(), settings.maxLossPercent());
    }
}
