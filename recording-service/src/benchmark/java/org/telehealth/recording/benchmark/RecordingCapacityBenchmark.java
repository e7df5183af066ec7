package org.telehealth.recording.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.telehealth.infra.testing.MachineCpuTime;
import org.telehealth.infra.testing.ProcessCpuTime;
import org.telehealth.media.benchmark.SfuPublisher;
import org.telehealth.media.benchmark.SfuVisits;
import org.telehealth.media.benchmark.SfuVisits.Visit;
import org.telehealth.recording.capture.CodedFrames;
import org.telehealth.recording.capture.MediaFixture;
import org.telehealth.recording.encryption.MasterKey;
import org.telehealth.recording.encryption.MasterKeyRing;

/**
 * The recording benchmark (docs/benchmarks.md): how many visits one recorder captures at once in
 * real time, what each costs it in CPU, heap and disk, and what forwarding the same visits costs
 * the SFU, measured in the same run. Visits of two synthetic participants send real Opus and VP8
 * (ffmpeg's fixtures) over SRTP to the packaged media-service; each step adds visits, measures the
 * SFU forwarding them, then has the SFU fork every visit to a recorder JVM that captures as
 * recording-service does (ForkRecorder into the encrypted spool file) and measures again. Prints,
 * and writes to target/benchmark/recording-capacity.txt.
 *
 * <p>Not a test of the normal build: its sources are compiled only by the {@code benchmark} Maven
 * profile (they need media-service's test jar), which runs it (see recording-service/README.md). It
 * fails only when it cannot measure.
 */
@Tag("benchmark")
class RecordingCapacityBenchmark {

    /** New visits' media flowing through the SFU before forwarding is measured. */
    private static final long SETTLE_MILLIS = 2_000;
    /** The first keyframe (every 2 s in the fixture), the recorder's second of interleaving, and a margin. */
    private static final long RECORDING_WARM_UP_MILLIS = 4_000;
    private static final int ATTEMPTS = 2;
    /** Visits recorded before the steps, long enough for the JIT to compile the capture path; then they leave. */
    private static final int WARM_UP_VISITS = 4;
    private static final long WARM_UP_RECORDING_MILLIS = 12_000;
    /** The generator is on time when, for a second, it sent what is due and no frame later than this. */
    private static final long ON_TIME_NANOS = 50_000_000L;
    private static final long MAX_CATCH_UP_MILLIS = 30_000;

    private final CapacitySettings settings = CapacitySettings.fromSystemProperties();
    private final CapacityReport report = new CapacityReport(settings);
    private final List<Visit> visits = new ArrayList<>();
    private SfuVisits sfu;
    private RecorderProcess recorder;
    private VisitMediaSender sender;
    private ForwardedMediaReader forwarded;
    private MasterKeyRing keys;
    private double connectSeconds;
    private double lastSecondsPerVisit = 1;
    /** The SFU's media socket, which every participant is connected to (from its answer's candidate). */
    private int sfuPort;

    @Test
    void shouldMeasureConcurrentRecordingsBesideTheSfuForwardingTheSameVisits() throws Exception {
        assertThat(MediaFixture.available()).as("ffmpeg and ffprobe (Debian's ffmpeg) make the media and read the files")
                .isTrue();
        long start = System.nanoTime();
        Path work = settings.workDirectory();
        deleteRecursively(work.resolve("recordings"));
        Files.createDirectories(work);
        List<CodedFrames.Frame> microphone = CodedFrames.oggOpus(MediaFixture.opus());
        List<CodedFrames.Frame> camera = CodedFrames.ivf(MediaFixture.camera());
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        keys = new MasterKeyRing(MasterKey.of(key), List.of());

        try (SfuVisits sfu = SfuVisits.start(settings.mediaApp(), work);
                RecorderProcess recorder = RecorderProcess.start(settings.recorderJvmOptions(), work, key);
                VisitMediaSender sender = new VisitMediaSender(microphone, camera, MediaFixture.FPS);
                ForwardedMediaReader forwarded = new ForwardedMediaReader()) {
            this.sfu = sfu;
            this.recorder = recorder;
            this.sender = sender;
            this.forwarded = forwarded;
            Thread.sleep(SETTLE_MILLIS);
            report.idle(measureWindow());
            warmUp();
            report.idleHeap(recorder.liveHeapBytes());
            double lastStepSeconds = 0;
            for (int step : settings.visits()) {
                double elapsed = (System.nanoTime() - start) / 1e9;
                double estimate = lastStepSeconds + (step - visits.size()) * secondsPerVisit();
                if (elapsed + estimate > settings.budgetSeconds()) {
                    report.stoppedBecause("the time budget (" + settings.budgetSeconds() + " s; " + step + " recordings would"
                            + " have ended at about " + Math.round(elapsed + estimate) + " s)");
                    break;
                }
                long stepStart = System.nanoTime();
                double connectedBefore = connectSeconds;
                StepResult result = measure(step);
                lastStepSeconds = (System.nanoTime() - stepStart) / 1e9 - (connectSeconds - connectedBefore);
                report.step(result);
                if (!result.verdict().sustained()) {
                    report.stoppedBecause("the first step not recorded in real time");
                    break;
                }
            }
            report.connectSecondsPerVisit(visits.size() > 1 ? connectSeconds / visits.size() : secondsPerVisit());
        }
        report.finished((System.nanoTime() - start) / 1e9);
        String text = report.render();
        System.out.println(text);
        Path file = work.resolve("recording-capacity.txt");
        report.write(file);
        System.out.printf("benchmark took %.0f s; report in %s%n", (System.nanoTime() - start) / 1e9, file.toAbsolutePath());

        assertThat(report.anyStepSustained()).as("a step was measured in real time; see %s", file.toAbsolutePath()).isTrue();
    }

    /**
     * A few visits forwarded, then recorded for a while, before anything is measured: the JIT compiles the media path of
     * the SFU, the capture path of the recorder and the generator's; the first use of SRTP and of the spool files is paid.
     * Then those visits leave, and the steps open their own.
     */
    private void warmUp() throws Exception {
        List<Visit> warmUp = sfu.open(WARM_UP_VISITS);
        sfuPort = ((InetSocketAddress) warmUp.get(0).participants().get(0).channel().getRemoteAddress()).getPort();
        warmUp.forEach(visit -> sender.add(visit.participants()));
        warmUp.forEach(visit -> forwarded.add(visit.participants().stream().map(SfuPublisher::channel).toList()));
        awaitGeneratorOnTime();
        Path directory = settings.workDirectory().resolve("recordings").resolve("warm-up");
        List<Integer> ports = recorder.startCaptures(WARM_UP_VISITS, directory);
        for (int i = 0; i < WARM_UP_VISITS; i++) {
            sfu.fork(warmUp.get(i), new InetSocketAddress("127.0.0.1", ports.get(i)));
        }
        Thread.sleep(WARM_UP_RECORDING_MILLIS);
        for (Visit visit : warmUp) {
            sfu.stopFork(visit);
            sender.remove(visit.participants());
        }
        recorder.stopCaptures();
        SpoolFilesCheck check = SpoolFiles.checkAndDelete(directory, keys, settings.workDirectory().resolve("warm-up.webm"));
        System.out.println("warm-up recordings: " + check.verified() + " of " + check.files() + " verified; " + check.sample());
        if (check.verified() != WARM_UP_VISITS || !check.sample().contains("vp8")) {
            throw new IllegalStateException("the warm-up recordings are not verified WebM files with video: " + check.sample()
                    + "; see " + settings.workDirectory().toAbsolutePath());
        }
    }

    /**
     * Waits until the generator sends on time: its first packets pay for SRTP's first use (jitsi-srtp times each AES
     * implementation, seconds on a busy machine), and the frames due meanwhile then go out at once; recorded, such a burst
     * would put seconds of media into less time.
     */
    private void awaitGeneratorOnTime() throws InterruptedException {
        long deadline = System.nanoTime() + MAX_CATCH_UP_MILLIS * 1_000_000L;
        sender.takeMaxLatenessNanos();
        boolean onTime;
        do {
            long frames = sender.framesSent();
            long start = System.nanoTime();
            Thread.sleep(1_000);
            double rate = (sender.framesSent() - frames) / ((System.nanoTime() - start) / 1e9);
            onTime = sender.takeMaxLatenessNanos() <= ON_TIME_NANOS && rate >= 0.9 * sender.framesPerSecond();
        } while (!onTime && System.nanoTime() < deadline);
        System.out.println("generator " + (onTime ? "on time" : "still late after " + MAX_CATCH_UP_MILLIS / 1000 + " s"));
    }

    private StepResult measure(int count) throws Exception {
        open(count - visits.size());
        Thread.sleep(SETTLE_MILLIS);
        MeasuredWindow forwarding = measureWindow();

        Path directory = settings.workDirectory().resolve("recordings").resolve("step-" + count);
        List<Integer> ports = recorder.startCaptures(count, directory);
        for (int i = 0; i < count; i++) {
            sfu.fork(visits.get(i), new InetSocketAddress("127.0.0.1", ports.get(i)));
        }
        Thread.sleep(RECORDING_WARM_UP_MILLIS);
        MeasuredWindow recording = null;
        CaptureWindow capture = null;
        RealTimeVerdict verdict = null;
        Optional<StepResult.FailedWindow> failedFirst = Optional.empty();
        for (int attempt = 1; attempt <= ATTEMPTS && (verdict == null || !verdict.sustained()); attempt++) {
            if (verdict != null) {
                // the machine is shared: a window that was not real time is measured once more
                failedFirst = Optional.of(new StepResult.FailedWindow(verdict, recording, capture));
            }
            List<CaptureCounters> before = recorder.counters();
            Map<Integer, UdpSocketTable.Socket> socketsBefore = UdpSocketTable.read();
            recording = measureWindow();
            Map<Integer, UdpSocketTable.Socket> socketsAfter = UdpSocketTable.read();
            capture = CaptureWindow.between(before, recorder.counters(), socketsBefore, socketsAfter);
            verdict = RealTimeVerdict.judge(capture, recording.framesSent());
        }
        long heap = recorder.liveHeapBytes();
        for (int i = 0; i < count; i++) {
            sfu.stopFork(visits.get(i));
        }
        long stopMillis = recorder.stopCaptures();
        SpoolFilesCheck files = SpoolFiles.checkAndDelete(directory, keys,
                settings.workDirectory().resolve("recording-sample.webm"));
        return new StepResult(count, forwarding, recording, capture, verdict, failedFirst, heap, stopMillis, files);
    }

    /** Adds {@code count} visits, connected to the SFU, their media flowing and the SFU's forwarding read. */
    private void open(int count) throws Exception {
        long start = System.nanoTime();
        List<Visit> opened = sfu.open(count);
        for (Visit visit : opened) {
            sender.add(visit.participants());
            forwarded.add(visit.participants().stream().map(SfuPublisher::channel).toList());
        }
        visits.addAll(opened);
        double seconds = (System.nanoTime() - start) / 1e9;
        connectSeconds += seconds;
        if (count > 0) {
            lastSecondsPerVisit = seconds / count;
        }
    }

    /** How long the latest visits took to connect, each: the first one also paid for JIT and first use. */
    private double secondsPerVisit() {
        return lastSecondsPerVisit;
    }

    private MeasuredWindow measureWindow() throws Exception {
        sfu.requireAlive();
        sender.takeMaxLatenessNanos();
        Snapshot start = snapshot();
        Thread.sleep(settings.windowMillis());
        Snapshot end = snapshot();
        double seconds = (end.nanos - start.nanos) / 1e9;
        double sfuCores = (end.sfuCpu - start.sfuCpu) / seconds;
        double recorderCores = (end.recorderCpu - start.recorderCpu) / seconds;
        double generatorCores = (end.generatorCpu - start.generatorCpu) / seconds;
        MachineCpuTime machine = end.machine.minus(start.machine);
        double other = Math.max(0, machine.busySeconds() / seconds - sfuCores - recorderCores - generatorCores);
        return new MeasuredWindow(seconds, sfuCores, recorderCores, generatorCores, other, machine.stealSeconds() / seconds,
                end.frames - start.frames, end.packets - start.packets, end.notSent - start.notSent,
                end.forwarded - start.forwarded, UdpSocketTable.dropsBetween(start.sockets, end.sockets),
                UdpSocketTable.dropsAt(sfuPort, start.sockets, end.sockets),
                sender.takeMaxLatenessNanos() / 1e6, sfu.gcPauses(start.at, end.at),
                recorder.gcPauses(start.at, end.at));
    }

    private Snapshot snapshot() {
        return new Snapshot(System.nanoTime(), Instant.now(), sfu.cpuSeconds(), recorder.cpuSeconds(),
                ProcessCpuTime.ofThisJvm(), MachineCpuTime.now(), sender.framesSent(), sender.packetsSent(),
                sender.packetsNotSent(), forwarded.datagrams(), UdpSocketTable.read());
    }

    private record Snapshot(long nanos, Instant at, double sfuCpu, double recorderCpu, double generatorCpu,
            MachineCpuTime machine, long frames, long packets, long notSent, long forwarded,
            Map<Integer, UdpSocketTable.Socket> sockets) {
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
