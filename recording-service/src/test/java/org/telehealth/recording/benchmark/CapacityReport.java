package org.telehealth.recording.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The recording benchmark's report: the machine and how busy it was, each step's recorder figures
 * and the SFU's beside them, and a summary (most recordings sustained in real time, the recorder's
 * CPU per recording against the SFU's forwarding CPU per visit). Printed and kept in
 * {@code target/benchmark/recording-capacity.txt}.
 */
final class CapacityReport {

    private final CapacitySettings settings;
    private final String machine = machine();
    private final String loadBefore = loadAverage();
    private final Instant startedAt = Instant.now();
    private final long startedNanos = System.nanoTime();
    private final List<StepResult> steps = new ArrayList<>();
    private String loadAfter = "";
    private String stoppedBecause = "the last step of benchmark.visits";
    private long idleHeapBytes;
    private MeasuredWindow idle;
    private double connectSecondsPerVisit;
    private double seconds;

    CapacityReport(CapacitySettings settings) {
        this.settings = settings;
    }

    /** A window with the SFU and the recorder started and nothing to forward or record. */
    void idle(MeasuredWindow window) {
        idle = window;
        System.out.printf(Locale.ROOT, "idle: SFU %.3f cores, recorder %.3f cores%n", window.sfuCores(), window.recorderCores());
    }

    void idleHeap(long bytes) {
        idleHeapBytes = bytes;
    }

    void connectSecondsPerVisit(double secondsPerVisit) {
        connectSecondsPerVisit = secondsPerVisit;
    }

    void step(StepResult step) {
        steps.add(step);
        StepResult s = step;
        s.failedFirst().ifPresent(first -> System.out.println(s.visits() + " recordings, first window: " + first.explained()));
        System.out.printf(Locale.ROOT, "[%.0f s] %d recordings: real time %s; recorder %.2f cores (%.1f ms/s per"
                + " recording), SFU forwarding %.2f cores (%.1f ms/s per visit), ratio %.1f; files %d of %d verified%n",
                (System.nanoTime() - startedNanos) / 1e9, s.visits(), s.verdict(),
                s.recording().recorderCores(), s.recorderMillisPerRecording(), s.forwarding().sfuCores(),
                s.forwardingMillisPerVisit(), s.recordingToForwarding(), s.files().verified(), s.files().files());
    }

    void stoppedBecause(String reason) {
        stoppedBecause = reason;
    }

    void finished(double runSeconds) {
        loadAfter = loadAverage();
        seconds = runSeconds;
    }

    boolean anyStepSustained() {
        return steps.stream().anyMatch(step -> step.verdict().sustained());
    }

    void write(Path file) throws IOException {
        Files.writeString(file, render());
    }

    String render() {
        StringBuilder out = new StringBuilder();
        out.append("Recording capacity: concurrent recordings on one recorder, beside the SFU forwarding the same visits\n\n");
        out.append("Machine: ").append(machine).append('\n');
        out.append("Load average (1, 5, 15 min): ").append(loadBefore).append(" before, ").append(loadAfter).append(" after\n");
        out.append(String.format(Locale.ROOT, "Run: %s, %.0f s; windows of %.1f s; visits connected at %.2f s each%n", startedAt
                .truncatedTo(ChronoUnit.SECONDS), seconds, settings.windowMillis() / 1000.0, connectSecondsPerVisit));
        out.append("Each visit: two participants, each Opus 20 ms frames + VP8 640x480 25 fps ~1 Mbit/s, SRTP to the SFU;\n");
        out.append("recorder JVM ").append(String.join(" ", settings.recorderJvmOptions()))
                .append(", SFU JVM the same; recorder idle live heap ")
                .append(String.format(Locale.ROOT, "%.1f MB%n", idleHeapBytes / 1e6));
        if (idle != null) {
            out.append(String.format(Locale.ROOT, "Idle (no visit, no recording; other processes %.2f cores): SFU %.3f cores,"
                    + " recorder %.3f cores%n", idle.otherCores(), idle.sfuCores(), idle.recorderCores()));
        }
        out.append('\n');

        out.append("| recordings | real time | frames written / sent | lost or late | socket drops | max backlog KiB |"
                + " recorder cores | ms CPU per recording-second | of which capture threads | recorder GC pauses (max ms) |"
                + " live heap MB | heap per recording KiB | written kbit/s per recording | stop ms | files verified |\n");
        out.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (StepResult s : steps) {
            CaptureWindow c = s.capture();
            out.append(String.format(Locale.ROOT,
                    "| %d | %s | %d / %d | %d | %d | %d | %.2f | %.1f | %.1f | %d (%.1f) | %.1f | %.0f | %.0f | %d | %d of %d |%n",
                    s.visits(), s.verdict().sustained() ? "yes" + (s.failedFirst().isPresent() ? " (2nd window)" : "") : "**no**",
                    c.framesWritten(), s.recording().framesSent(), c.lostOrLate(), c.socketDrops(), c.largestBacklogBytes() / 1024,
                    s.recording().recorderCores(), s.recorderMillisPerRecording(), s.captureThreadMillisPerRecording(),
                    s.recording().recorderGc().count(), s.recording().recorderGc().maxMillis(), s.liveHeapBytes() / 1e6,
                    s.heapKibPerRecording(idleHeapBytes), s.writtenKbitPerRecording(), s.stopMillis(), s.files().verified(),
                    s.files().files()));
        }
        out.append("\nBeside the SFU (same visits, same run; forwarding window first, then the recording window):\n\n");
        out.append("| visits | SFU cores forwarding | SFU ms/s per visit forwarding | forwarded per packet sent |"
                + " SFU cores forwarding + fork | fork ms/s per visit at the SFU | recording / forwarding |"
                + " recorder idle cores | generator cores | other cores | steal cores | generator late max ms |"
                + " packets not sent | drops at the SFU's socket | drops at other sockets |\n");
        out.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (StepResult s : steps) {
            MeasuredWindow f = s.forwarding();
            MeasuredWindow r = s.recording();
            out.append(String.format(Locale.ROOT,
                    "| %d | %.3f | %.1f | %.2f | %.3f | %.1f | **%.1f** | %.3f | %.2f | %.2f | %.2f | %.0f | %d | %d | %d |%n",
                    s.visits(), f.sfuCores(), s.forwardingMillisPerVisit(), f.forwardedPerPacketSent(), r.sfuCores(),
                    s.forkMillisPerVisit(), s.recordingToForwarding(), f.recorderCores(), r.generatorCores(),
                    r.otherCores(), r.stealCores(), Math.max(f.maxLatenessMillis(), r.maxLatenessMillis()),
                    f.packetsNotSent() + r.packetsNotSent(), f.sfuSocketDrops() + r.sfuSocketDrops(),
                    f.socketDrops() - f.sfuSocketDrops() + r.socketDrops() - r.sfuSocketDrops() - s.capture().socketDrops()));
        }
        out.append("\nWindows not in real time:\n");
        for (StepResult s : steps) {
            s.failedFirst().ifPresent(first -> out.append("- ").append(s.visits()).append(" recordings, first window: ")
                    .append(first.explained()).append('\n'));
            if (!s.verdict().sustained()) {
                out.append("- ").append(s.visits()).append(" recordings: ").append(s.verdict()).append('\n');
            }
        }
        out.append("\nOne decrypted recording per step:\n");
        steps.forEach(s -> out.append("- ").append(s.visits()).append(": ").append(s.files().sample()).append('\n'));
        out.append('\n').append(summary());
        return out.toString();
    }

    private String summary() {
        StringBuilder out = new StringBuilder("Summary:\n");
        Optional<StepResult> best = steps.stream().filter(s -> s.verdict().sustained()).reduce((a, b) -> b);
        if (best.isEmpty()) {
            out.append("- no step was recorded in real time\n");
        } else {
            StepResult s = best.get();
            out.append(String.format(Locale.ROOT, "- most concurrent recordings sustained in real time: %d (the recorder at"
                    + " %.2f cores, %.1f ms of CPU per second of each recording, %.1f of them in the capture threads)%n",
                    s.visits(), s.recording().recorderCores(), s.recorderMillisPerRecording(),
                    s.captureThreadMillisPerRecording()));
            out.append(String.format(Locale.ROOT, "- the SFU forwarding the same %d visits: %.3f cores, %.1f ms/s per visit;"
                    + " recording a visit costs %.1fx forwarding it (plus %.1f ms/s per visit at the SFU for the fork)%n",
                    s.visits(), s.forwarding().sfuCores(), s.forwardingMillisPerVisit(), s.recordingToForwarding(),
                    s.forkMillisPerVisit()));
        }
        List<StepResult> sustained = steps.stream().filter(s -> s.verdict().sustained()).toList();
        if (sustained.size() >= 2) {
            LinearFit recorder = LinearFit.of(sustained.stream().map(s -> new double[] {s.visits(), s.recording().recorderCores()})
                    .toList());
            LinearFit forwarding = LinearFit.of(sustained.stream().map(s -> new double[] {s.visits(), s.forwarding().sfuCores()})
                    .toList());
            out.append(String.format(Locale.ROOT, "- per visit, fitted over the %d steps in real time (cores = fixed + per visit"
                    + " x visits): the recorder %.1f ms/s per recording (fixed %.3f cores), the SFU forwarding %.1f ms/s per visit"
                    + " (fixed %.3f cores): recording a visit costs %.1fx forwarding it%n", sustained.size(),
                    1000 * recorder.slope(), recorder.intercept(), 1000 * forwarding.slope(), forwarding.intercept(),
                    recorder.slope() / forwarding.slope()));
            out.append(String.format(Locale.ROOT, "- CPU alone would let one core record about %.0f visits at once (from the"
                    + " fitted slope: an estimate, not a measured step)%n", 1 / recorder.slope()));
        }
        steps.stream().filter(s -> !s.verdict().sustained()).findFirst().ifPresent(s -> out.append("- first step not in real"
                + " time: " + s.visits() + " recordings (" + String.join("; ", s.verdict().failures()) + ")\n"));
        out.append("- the ramp stopped at ").append(stoppedBecause).append('\n');
        return out.toString();
    }

    private static String machine() {
        String model = "unknown CPU";
        try {
            model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst().orElse(model);
        } catch (IOException ignored) {
            // not Linux: the model stays unknown
        }
        return String.format(Locale.ROOT, "%s, %d cores, Linux %s, %s %s", model, Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.version"), System.getProperty("java.vm.name"), System.getProperty("java.version"));
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }
}
