package org.telehealth.media.benchmark;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.telehealth.infra.testing.MachineCpuTime;
import org.telehealth.infra.testing.ProcessCpuTime;

/**
 * Drives one server with a {@link TrafficPlan} in steps of constant load and measures each over a
 * window after a warm-up: what was sent and received, latency, loss, and the CPU time of the server,
 * of the generator and of everything else. {@link #searchPeak} raises the load geometrically until
 * loss appears (or the generator falls short), runs a failed step again up to twice per search (the
 * machine is shared: one hiccup should not end it) and refines between the last good and the first
 * bad step.
 */
final class LoadRamp implements AutoCloseable {

    private static final AtomicInteger TAGS = new AtomicInteger();
    /** Failed steps a search runs again before it believes them: this machine is shared. */
    private static final int REPEATS_PER_SEARCH = 2;

    private final TrafficPlan plan;
    private final ChildJvm server;
    private final Timing timing;
    private final PacedSender sender;
    private final ReceiveLoop receiver;
    private final long generatorPid = ProcessHandle.current().pid();

    /** How long a step warms up, measures, and waits for late packets. */
    record Timing(long warmupMillis, long measureMillis, long drainMillis) {
    }

    /** A peak search: every step run, the highest rate without loss, and the first one above it. */
    record Search(List<StepResult> steps, Optional<StepResult> peak, Optional<StepResult> overload, String stoppedBecause) {
    }

    LoadRamp(TrafficPlan plan, ChildJvm server, Timing timing, double initialPps) throws IOException {
        this.plan = plan;
        this.server = server;
        this.timing = timing;
        plan.offer(initialPps);
        this.receiver = new ReceiveLoop(plan.endpoints());
        this.sender = new PacedSender(plan.streams(), plan.endpoints());
    }

    Search searchPeak(double startPps, double factor, int maxSteps, double maxLossPercent) throws InterruptedException {
        List<StepResult> steps = new ArrayList<>();
        StepResult good = null;
        StepResult bad = null;
        int repeats = REPEATS_PER_SEARCH;
        String stopped = "the step limit (" + maxSteps + ")";
        double rate = startPps;
        while (steps.size() < maxSteps) {
            StepResult result = step(plan.target() + " ramp", rate);
            steps.add(result);
            boolean lossless = result.lossPercent() < maxLossPercent;
            if (lossless && !result.generatorLimited()) {
                good = result;
                rate *= factor;
            } else if (repeats > 0) {
                repeats--; // the same rate once more before believing it
            } else if (lossless) {
                good = good == null || result.deliveredPps() > good.deliveredPps() ? result : good;
                stopped = "the load generator, which could not send at the asked rate";
                break;
            } else {
                bad = result;
                stopped = "loss of " + maxLossPercent + "% or more";
                break;
            }
        }
        if (good != null && bad != null) {
            StepResult between = step(plan.target() + " refine", Math.sqrt(good.offeredPps() * bad.offeredPps()));
            steps.add(between);
            if (between.lossPercent() < maxLossPercent && !between.generatorLimited()) {
                good = between;
            } else {
                bad = between;
            }
        }
        return new Search(steps, Optional.ofNullable(good), Optional.ofNullable(bad), stopped);
    }

    StepResult step(String label, double packetsPerSecond) throws InterruptedException {
        server.requireAlive();
        double offered = plan.offer(packetsPerSecond);
        Thread.sleep(timing.warmupMillis());

        int tag = TAGS.incrementAndGet();
        long expected0 = plan.expectedDeliveries();
        double server0 = server.cpuSeconds();
        double generator0 = ProcessCpuTime.seconds(generatorPid);
        MachineCpuTime machine0 = MachineCpuTime.now();
        UdpErrorCounters udp0 = UdpErrorCounters.now();
        long start = System.nanoTime();
        Instant startedAt = Instant.now();
        receiver.measure(tag);
        sender.tag(tag);

        Thread.sleep(timing.measureMillis());

        sender.tag(ProbePayload.UNMEASURED);
        double seconds = (System.nanoTime() - start) / 1e9;
        Instant endedAt = Instant.now();
        double serverCores = (server.cpuSeconds() - server0) / seconds;
        double generatorCores = (ProcessCpuTime.seconds(generatorPid) - generator0) / seconds;
        MachineCpuTime machine = MachineCpuTime.now().minus(machine0);
        long expected = plan.expectedDeliveries() - expected0;
        Thread.sleep(timing.drainMillis());
        long drops = UdpErrorCounters.now().since(udp0);
        LatencyHistogram latencies = receiver.finishStep();

        long received = latencies.count();
        double loss = expected == 0 ? 0 : Math.max(0, 100.0 * (expected - received) / expected);
        double busy = machine.busySeconds() / seconds;
        StepResult result = new StepResult(label, offered, expected / seconds, received / seconds, loss,
                serverCores, generatorCores, Math.max(0, busy - serverCores - generatorCores), machine.stealSeconds() / seconds,
                latencies.percentileMicros(0.50), latencies.percentileMicros(0.99), latencies.maxMicros(), drops,
                server.gcPauses(startedAt, endedAt));
        System.out.println(BenchmarkReport.progressLine(result));
        return result;
    }

    /**
     * The server's live heap while no packet is in flight, so that no thread holds the GC locker
     * (SRTP's native AES) and the full GC before the histogram runs.
     */
    HeapHistogram heapWithTrafficPaused() throws IOException, InterruptedException {
        sender.pause(true);
        try {
            Thread.sleep(300);
            return HeapHistogram.afterFullGc(server);
        } finally {
            sender.pause(false);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        sender.close();
        receiver.close();
    }
}
