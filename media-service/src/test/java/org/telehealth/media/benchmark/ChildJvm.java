package org.telehealth.media.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.telehealth.infra.testing.GcPauses;
import org.telehealth.infra.testing.ProcessCpuTime;

/**
 * A server the benchmark measures, in a JVM of its own so that its CPU time is its own: started with
 * the running JDK, its output in a log file, stopped (forcibly if it must) when closed or when the
 * benchmark's JVM exits.
 */
final class ChildJvm implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path log;
    private final Path gcLog;

    private ChildJvm(String name, Process process, Path log, Path gcLog) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.gcLog = gcLog;
    }

    /** Starts {@code java <arguments>}, writing its output to {@code log} and its GC pauses beside it. */
    static ChildJvm start(String name, List<String> arguments, Path log) throws IOException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        Path gcLog = log.resolveSibling(name + "-gc.log");
        Files.deleteIfExists(gcLog);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add(GcPauses.logOption(gcLog));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        ChildJvm child = new ChildJvm(name, process, log, gcLog);
        Runtime.getRuntime().addShutdownHook(new Thread(child::close, "stop-" + name));
        return child;
    }

    long pid() {
        return process.pid();
    }

    double cpuSeconds() {
        return ProcessCpuTime.seconds(process.pid());
    }

    /** Fails with the log's place when the process has ended. */
    void requireAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log.toAbsolutePath());
        }
    }

    Path log() {
        return log;
    }

    GcPauses gcPauses(Instant from, Instant to) {
        return GcPauses.between(gcLog, from, to);
    }

    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
