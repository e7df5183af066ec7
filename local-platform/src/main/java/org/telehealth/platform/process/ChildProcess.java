package org.telehealth.platform.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.telehealth.platform.PlatformException;

/**
 * A server the launcher started as a child process (Keycloak, a service), its output going to a log
 * file. Stopping signals the whole process tree, since wrapper scripts such as Keycloak's
 * {@code kc.sh} do not always pass signals on, and waits before forcing.
 */
public final class ChildProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path logFile;
    private final Duration gracePeriod;

    private ChildProcess(String name, Process process, Path logFile, Duration gracePeriod) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.gracePeriod = gracePeriod;
    }

    public static ChildProcess start(String name, List<String> command, Map<String, String> environment, Path workDirectory,
            Path logFile, Duration gracePeriod) {
        try {
            Files.createDirectories(logFile.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().putAll(environment);
            return new ChildProcess(name, builder.start(), logFile, gracePeriod);
        } catch (IOException e) {
            throw new PlatformException("cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    public String name() {
        return name;
    }

    public Path logFile() {
        return logFile;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public int exitValue() {
        return process.exitValue();
    }

    /** Signals the process and its descendants to stop, waits the grace period, then kills what is left. */
    @Override
    public void close() {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + gracePeriod.toNanos();
        for (ProcessHandle handle : tree) {
            long left = Math.max(0, deadline - System.nanoTime());
            try {
                handle.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (Exception stillRunning) {
                handle.destroyForcibly();
            }
        }
    }
}
