package org.telehealth.media.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a run's measurements into the text the benchmark prints and keeps in
 * {@code target/benchmark/media-forwarding.txt}: the machine, every step, the peaks, latency added
 * over the loopback baseline, memory per participant, and each target of the issue met or not.
 */
final class BenchmarkReport {

    /** LiveKit's published forwarding cost: packets out per second per vCPU, SRTP included. */
    static final double LIVEKIT_LOW_PPS_PER_VCPU = 60_000;
    static final double LIVEKIT_HIGH_PPS_PER_VCPU = 75_000;
    private static final double ADDED_P99_TARGET_MICROS = 2_000;

    private final BenchmarkSettings settings;
    private final MachineDescription machine;
    private final String loadBefore;
    private String loadAfter = "";
    private LoadRamp.Search echo;
    private LoadRamp.Search sfu;
    private StepResult sfuAtHalfPeak;
    private StepResult echoAtSameRate;
    private Memory memory;

    /** The SFU's live heap idle, with part of the participants, and with all of them. */
    record Memory(HeapHistogram idle, int someParticipants, HeapHistogram withSome, int allParticipants, HeapHistogram withAll) {

        /** What each participant added beyond the first ones: one-time initialization is out. */
        double bytesPerParticipant() {
            return (double) (withAll.totalBytes() - withSome.totalBytes()) / (allParticipants - someParticipants);
        }

        /** From the idle SFU: includes what the first participant initializes once for all. */
        double bytesPerParticipantFromIdle() {
            return (double) (withAll.totalBytes() - idle.totalBytes()) / allParticipants;
        }
    }

    BenchmarkReport(BenchmarkSettings settings, MachineDescription machine) {
        this.settings = settings;
        this.machine = machine;
        this.loadBefore = MachineDescription.loadAverage();
    }

    static String progressLine(StepResult step) {
        return String.format(Locale.ROOT, "  %-22s offered %,9.0f pps  delivered %,9.0f pps  loss %6.3f%%"
                        + "  server %4.2f cores  (%,8.0f pps/core)  p50 %,7.0f us  p99 %,7.0f us  GC %d pauses, max %.1f ms"
                        + "  generator %4.2f  other %4.2f cores%s",
                step.label(), step.offeredPps(), step.deliveredPps(), step.lossPercent(), step.serverCores(),
                step.deliveredPerCore(), step.p50Micros(), step.p99Micros(), step.serverGc().count(), step.serverGc().maxMillis(),
                step.generatorCores(), step.otherCores(),
                step.generatorShort() ? String.format(Locale.ROOT, "  generator sent only %,.0f pps", step.sentPps()) : "");
    }

    void echo(LoadRamp.Search search) {
        this.echo = search;
    }

    void sfu(LoadRamp.Search search) {
        this.sfu = search;
    }

    void latencyAtHalfPeak(StepResult sfuStep, StepResult echoStep) {
        this.sfuAtHalfPeak = sfuStep;
        this.echoAtSameRate = echoStep;
    }

    void memory(Memory measured) {
        this.memory = measured;
    }

    void finished() {
        loadAfter = MachineDescription.loadAverage();
    }

    String render() {
        List<String> out = new ArrayList<>();
        out.add("== media-service forwarding benchmark ==");
        out.add(String.format(Locale.ROOT, "machine: %s, %d cores; %s; load average %s before, %s after",
                machine.cpuModel(), machine.cores(), machine.jdk(), loadBefore, loadAfter));
        out.add(String.format(Locale.ROOT, "load: %d rooms of %d (%d participants), each sends audio %.0f pps x %d B and video"
                        + " x %d B at the step's rate; SRTP AES-GCM; SFU and echo JVMs %s; steps: %d ms warm-up, %d ms measured",
                settings.rooms(), settings.roomSize(), settings.participants(), TrafficPlan.AUDIO_PACKETS_PER_SECOND,
                settings.sizes().audio(), settings.sizes().video(), String.join(" ", settings.serverJvmOptions()),
                settings.timing().warmupMillis(), settings.timing().measureMillis()));
        out.add("");
        out.add("| step | offered pps | delivered pps | loss % | server cores | delivered pps/core | p50 us | p99 us | max us"
                + " | server GC pauses (max ms) | generator cores | other cores | steal cores | rcvbuf drops | note |");
        out.add("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        for (StepResult step : allSteps()) {
            out.add(String.format(Locale.ROOT, "| %s | %,.0f | %,.0f | %.3f | %.2f | %,.0f | %,.0f | %,.0f | %,.0f"
                            + " | %d (%.1f) | %.2f | %.2f | %.2f | %d | %s |",
                    step.label(), step.offeredPps(), step.deliveredPps(), step.lossPercent(), step.serverCores(),
                    step.deliveredPerCore(), step.p50Micros(), step.p99Micros(), step.maxMicros(), step.serverGc().count(),
                    step.serverGc().maxMillis(), step.generatorCores(),
                    step.otherCores(), step.stealCores(), step.receiveBufferDrops(),
                    step.generatorShort() ? String.format(Locale.ROOT, "generator sent %,.0f pps", step.sentPps()) : ""));
        }
        out.add("");
        out.addAll(summary());
        return String.join("\n", out) + "\n";
    }

    private List<String> summary() {
        List<String> out = new ArrayList<>();
        noise(out);
        Optional<StepResult> echoPeak = echo == null ? Optional.empty() : echo.peak();
        Optional<StepResult> sfuPeak = sfu == null ? Optional.empty() : sfu.peak();
        echoPeak.ifPresent(p -> out.add(peakLine("UDP echo", p, echo)));
        sfuPeak.ifPresent(p -> out.add(peakLine("SFU", p, sfu)));
        if (echoPeak.isPresent() && sfuPeak.isPresent()) {
            double perCore = sfuPeak.get().deliveredPerCore() / echoPeak.get().deliveredPerCore();
            double rate = sfuPeak.get().deliveredPps() / echoPeak.get().deliveredPps();
            out.add(String.format(Locale.ROOT, "SFU / echo: %.2f per core, %.2f in packets per second at the peaks",
                    perCore, rate));
            out.add(target("forwarding at least 50% of the echo baseline (per core)", perCore >= 0.5,
                    String.format(Locale.ROOT, "%.0f%%", 100 * perCore)));
        }
        if (sfuAtHalfPeak != null && echoAtSameRate != null) {
            latency(out);
        }
        sfuPeak.ifPresent(peak -> lossBelowAndLiveKit(out, peak));
        if (memory != null) {
            memory(out);
        }
        return out;
    }

    private void noise(List<String> out) {
        List<StepResult> all = allSteps();
        if (!all.isEmpty()) {
            out.add(String.format(Locale.ROOT, "noise: other processes used %.2f of %d cores on average during the measured"
                            + " windows (at most %.2f), the hypervisor stole %.2f; on a quiet machine both are near 0",
                    all.stream().mapToDouble(StepResult::otherCores).average().orElse(0), machine.cores(),
                    all.stream().mapToDouble(StepResult::otherCores).max().orElse(0),
                    all.stream().mapToDouble(StepResult::stealCores).average().orElse(0)));
        }
    }

    private void latency(List<String> out) {
        double addedP50 = sfuAtHalfPeak.p50Micros() - echoAtSameRate.p50Micros();
        double addedP99 = sfuAtHalfPeak.p99Micros() - echoAtSameRate.p99Micros();
        out.add(String.format(Locale.ROOT, "latency at half the SFU's peak (%,.0f pps): SFU p50 %,.0f us p99 %,.0f us;"
                        + " echo at the same rate p50 %,.0f us p99 %,.0f us; added p50 %,.0f us p99 %,.0f us",
                sfuAtHalfPeak.offeredPps(), sfuAtHalfPeak.p50Micros(), sfuAtHalfPeak.p99Micros(),
                echoAtSameRate.p50Micros(), echoAtSameRate.p99Micros(), addedP50, addedP99));
        if (echoAtSameRate.p99Micros() > sfuAtHalfPeak.p99Micros()) {
            out.add("target: p99 added latency under 2 ms at half of peak: NOT MEASURABLE in this run (the echo's p99 is above"
                    + " the SFU's: scheduling noise dominates the tail)");
        } else {
            out.add(target("p99 added latency under 2 ms at half of peak", addedP99 < ADDED_P99_TARGET_MICROS,
                    String.format(Locale.ROOT, "%,.0f us", addedP99)));
        }
        out.add(String.format(Locale.ROOT, "per core at that same rate: SFU %,.0f pps, echo %,.0f pps: %.2f",
                sfuAtHalfPeak.deliveredPerCore(), echoAtSameRate.deliveredPerCore(),
                sfuAtHalfPeak.deliveredPerCore() / echoAtSameRate.deliveredPerCore()));
    }

    private void lossBelowAndLiveKit(List<String> out, StepResult peak) {
        List<StepResult> below = sfu.steps().stream().filter(s -> s.offeredPps() < peak.offeredPps()).toList();
        List<StepResult> lossy = new ArrayList<>(below.stream().filter(s -> s.lossPercent() > 0).toList());
        if (sfuAtHalfPeak != null && sfuAtHalfPeak.lossPercent() > 0) {
            lossy.add(sfuAtHalfPeak);
        }
        out.add(target("zero loss below peak", lossy.isEmpty(), lossy.isEmpty() ? "no loss in " + (below.size() + 1) + " steps"
                : lossy.stream().map(s -> String.format(Locale.ROOT, "%.3f%% at %,.0f pps", s.lossPercent(), s.offeredPps()))
                        .reduce((a, b) -> a + ", " + b).orElse("")));
        out.add(String.format(Locale.ROOT, "LiveKit publishes %,.0f-%,.0f packets/s out per vCPU, SRTP included; this SFU"
                        + " forwarded %,.0f per core at its peak here: %.0f-%.0f%% of that",
                LIVEKIT_LOW_PPS_PER_VCPU, LIVEKIT_HIGH_PPS_PER_VCPU, peak.deliveredPerCore(),
                100 * peak.deliveredPerCore() / LIVEKIT_HIGH_PPS_PER_VCPU,
                100 * peak.deliveredPerCore() / LIVEKIT_LOW_PPS_PER_VCPU));
    }

    private void memory(List<String> out) {
        out.add(String.format(Locale.ROOT, "memory, live heap after full GC: idle %,.1f MB, %d participants %,.1f MB,"
                        + " %d participants %,.1f MB: %,.1f KB per participant (%d to %d; %,.1f KB counted from idle,"
                        + " one-time initialization included)",
                memory.idle().totalBytes() / 1e6, memory.someParticipants(), memory.withSome().totalBytes() / 1e6,
                memory.allParticipants(), memory.withAll().totalBytes() / 1e6, memory.bytesPerParticipant() / 1024,
                memory.someParticipants(), memory.allParticipants(), memory.bytesPerParticipantFromIdle() / 1024));
        StringBuilder largest = new StringBuilder("  largest growth per participant:");
        int added = memory.allParticipants() - memory.someParticipants();
        for (Map.Entry<String, Long> entry : memory.withAll().largestGrowthSince(memory.withSome(), 6)) {
            largest.append(String.format(Locale.ROOT, " %s %,.1f KB;", entry.getKey(), entry.getValue() / 1024.0 / added));
        }
        out.add(largest.toString());
    }

    private List<StepResult> allSteps() {
        List<StepResult> all = new ArrayList<>();
        Optional.ofNullable(echo).ifPresent(s -> all.addAll(s.steps()));
        Optional.ofNullable(sfu).ifPresent(s -> all.addAll(s.steps()));
        Optional.ofNullable(sfuAtHalfPeak).ifPresent(all::add);
        Optional.ofNullable(echoAtSameRate).ifPresent(all::add);
        return all;
    }

    private static String peakLine(String name, StepResult peak, LoadRamp.Search search) {
        return String.format(Locale.ROOT, "%s peak (loss under 0.1%%): %,.0f pps delivered at %.2f cores = %,.0f pps per core;"
                        + " search stopped at %s%s",
                name, peak.deliveredPps(), peak.serverCores(), peak.deliveredPerCore(), search.stoppedBecause(),
                search.overload()
                        .map(o -> String.format(Locale.ROOT, " (%.2f%% loss at %,.0f pps)", o.lossPercent(), o.offeredPps()))
                        .orElse(""));
    }

    private static String target(String name, boolean met, String figure) {
        return "target: " + name + ": " + (met ? "MET" : "NOT MET") + " (" + figure + ")";
    }
}
