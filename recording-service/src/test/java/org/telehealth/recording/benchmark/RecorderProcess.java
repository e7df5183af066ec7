package org.telehealth.recording.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.telehealth.infra.testing.GcPauses;
import org.telehealth.infra.testing.ProcessCpuTime;

/**
 * The benchmark's handle on the {@link RecorderJvm}: starts it with the given JVM options, this
 * JVM's class path and a GC log, sends its commands and waits (at most a minute) for each answer.
 * Stopped when closed or when the benchmark's JVM exits.
 */
final class RecorderProcess implements AutoCloseable {

    private static final long ANSWER_TIMEOUT_SECONDS = 60;

    private final Process process;
    private final PrintStream commands;
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
    private final Path log;
    private final Path gcLog;

    private RecorderProcess(Process process, Path log, Path gcLog) {
        this.process = process;
        this.commands = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
        this.log = log;
        this.gcLog = gcLog;
        Thread reader = new Thread(this::readAnswers, "recorder-answers");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts the recorder JVM, its log and GC log in {@code workDirectory}, and waits until it is ready. */
    static RecorderProcess start(List<String> jvmOptions, Path workDirectory, byte[] masterKey) throws IOException {
        Files.createDirectories(workDirectory);
        Path log = workDirectory.resolve("recorder.log");
        Path gcLog = workDirectory.resolve("recorder-gc.log");
        Files.deleteIfExists(gcLog);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                GcPauses.logOption(gcLog)));
        command.addAll(jvmOptions);
        // jboss-logging to java.util.logging, whose console is standard error: standard output carries only answers
        command.addAll(List.of("-Dorg.jboss.logging.provider=jdk", "-cp", System.getProperty("java.class.path"),
                RecorderJvm.class.getName(), Base64.getEncoder().encodeToString(masterKey)));
        Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        RecorderProcess recorder = new RecorderProcess(process, log, gcLog);
        Runtime.getRuntime().addShutdownHook(new Thread(recorder::close, "stop-recorder"));
        recorder.expect("READY");
        return recorder;
    }

    /** Starts {@code count} more captures, their spool files in {@code directory}; returns their ports. */
    List<Integer> startCaptures(int count, Path directory) throws IOException {
        commands.println("START " + count + " " + directory.toAbsolutePath());
        String ports = expect("PORTS");
        return Arrays.stream(ports.substring("PORTS".length()).trim().split(" "))
                .filter(port -> !port.isEmpty()).map(Integer::valueOf).toList();
    }

    /** The counters of every running capture. */
    List<CaptureCounters> counters() throws IOException {
        commands.println("STATS");
        List<CaptureCounters> counters = new ArrayList<>();
        for (String line = next(); !line.equals("END"); line = next()) {
            if (!line.startsWith("CAPTURE ")) {
                throw new IOException("the recorder answered " + line + "; see " + log.toAbsolutePath());
            }
            counters.add(CaptureCounters.parse(line.substring("CAPTURE ".length())));
        }
        return counters;
    }

    /** The recorder's live heap: a full collection first (a pause of the captures, outside any measured window). */
    long liveHeapBytes() throws IOException {
        commands.println("HEAP");
        return Long.parseLong(expect("HEAP").substring("HEAP ".length()));
    }

    /** Stops and seals every capture; returns how long that took, in milliseconds. */
    long stopCaptures() throws IOException {
        commands.println("STOP");
        return Long.parseLong(expect("STOPPED").substring("STOPPED ".length()));
    }

    long pid() {
        return process.pid();
    }

    double cpuSeconds() {
        return ProcessCpuTime.seconds(process.pid());
    }

    GcPauses gcPauses(Instant from, Instant to) {
        return GcPauses.between(gcLog, from, to);
    }

    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        commands.close(); // end of input: the recorder stops its captures and exits
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private String expect(String answer) throws IOException {
        String line = next();
        if (!line.startsWith(answer)) {
            throw new IOException("the recorder answered " + line + " instead of " + answer + "; see " + log.toAbsolutePath());
        }
        return line;
    }

    private String next() throws IOException {
        try {
            String line = answers.poll(ANSWER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (line == null) {
                throw new IOException("the recorder did not answer within " + ANSWER_TIMEOUT_SECONDS + " s"
                        + (process.isAlive() ? "" : " (it exited with " + process.exitValue() + ")") + "; see "
                        + log.toAbsolutePath());
            }
            return line;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the recorder", e);
        }
    }

    private void readAnswers() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("@ ")) {
                    answers.add(line.substring(2));
                }
            }
        } catch (IOException ended) {
            // the recorder exited; a command waiting for an answer times out and names the log
        }
    }
}
