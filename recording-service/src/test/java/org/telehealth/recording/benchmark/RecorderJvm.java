package org.telehealth.recording.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.telehealth.recording.encryption.MasterKey;

/**
 * The recorder side of the recording benchmark, in a JVM of its own so that its CPU time, heap and
 * GC pauses are the recordings' alone: {@link SpoolCapture}s, which capture as recording-service
 * does, started, counted and stopped on the benchmark's commands, one a line on standard input.
 * Answers go to standard output, each line starting with {@code @ } (logs go to standard error):
 *
 * <pre>
 * START n directory  ->  @ PORTS port...                  n more captures, spool files in directory
 * STATS              ->  @ CAPTURE counters... then @ END  one line per capture (CaptureCounters)
 * HEAP               ->  @ HEAP bytes                     the live heap, after a full collection
 * STOP               ->  @ STOPPED millis                 every capture finished and sealed, and how long it took
 * end of input       ->  stops every capture and exits
 * </pre>
 *
 * <p>Argument: the master key, base64.
 */
public final class RecorderJvm {

    private final MasterKey key;
    private final SecureRandom random = new SecureRandom();
    private final List<SpoolCapture> captures = new ArrayList<>();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final PrintStream out;

    private RecorderJvm(MasterKey key, PrintStream out) {
        this.key = key;
        this.out = out;
    }

    public static void main(String[] arguments) throws IOException {
        RecorderJvm recorder = new RecorderJvm(MasterKey.of(Base64.getDecoder().decode(arguments[0])),
                new PrintStream(System.out, true, StandardCharsets.UTF_8));
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        recorder.answer("READY");
        for (String line = commands.readLine(); line != null; line = commands.readLine()) {
            try {
                recorder.run(line.trim().split(" "));
            } catch (IOException | RuntimeException e) {
                e.printStackTrace();
                recorder.answer("ERROR " + e);
            }
        }
        recorder.stopAll();
    }

    private void run(String[] command) throws IOException {
        switch (command[0]) {
            case "START" -> start(Integer.parseInt(command[1]), Path.of(command[2]));
            case "STATS" -> stats();
            case "HEAP" -> heap();
            case "STOP" -> {
                long start = System.nanoTime();
                stopAll();
                answer("STOPPED " + (System.nanoTime() - start) / 1_000_000);
            }
            default -> answer("ERROR unknown command " + command[0]);
        }
    }

    private void start(int count, Path directory) throws IOException {
        Files.createDirectories(directory);
        StringBuilder ports = new StringBuilder("PORTS");
        for (int i = 0; i < count; i++) {
            SpoolCapture capture = SpoolCapture.start(directory, key, random);
            captures.add(capture);
            ports.append(' ').append(capture.port());
        }
        answer(ports.toString());
    }

    private void stats() throws IOException {
        Map<String, Long> threadIds = new HashMap<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            threadIds.put(thread.getName(), thread.getId());
        }
        for (SpoolCapture capture : captures) {
            Long thread = threadIds.get(capture.threadName());
            long cpu = thread == null ? 0 : Math.max(0, threads.getThreadCpuTime(thread));
            answer("CAPTURE " + capture.counters(cpu).toLine());
        }
        answer("END");
    }

    private void heap() {
        System.gc();
        answer("HEAP " + ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }

    private void stopAll() throws IOException {
        IOException failure = null;
        for (SpoolCapture capture : captures) {
            try {
                capture.stop();
            } catch (IOException e) {
                failure = e;
            }
        }
        captures.clear();
        if (failure != null) {
            throw failure;
        }
    }

    private void answer(String line) {
        out.println("@ " + line);
    }
}
