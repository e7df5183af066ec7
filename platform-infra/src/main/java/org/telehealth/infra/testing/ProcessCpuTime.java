package org.telehealth.infra.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time a process has used, user plus system, from {@code /proc/<pid>/stat}: the kernel's own
 * account, which covers every thread (GC, JIT, socket system calls), read the same way for every
 * server a benchmark starts and for its load generator. Linux only; the unit ({@code USER_HZ}) is
 * asked once from {@code getconf CLK_TCK} (100 on every Linux we know, also the fallback).
 */
public final class ProcessCpuTime {

    /** Ticks of the {@code /proc} CPU times per second. */
    public static final double TICKS_PER_SECOND = clockTicks();

    private static final int UTIME_AFTER_STATE = 11;
    private static final int STIME_AFTER_STATE = 12;

    private ProcessCpuTime() {
    }

    /** Seconds of CPU process {@code pid} has used so far. */
    public static double seconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name is in parentheses and may hold spaces: count fields after the last ')'.
            String[] afterName = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            long ticks = Long.parseLong(afterName[UTIME_AFTER_STATE]) + Long.parseLong(afterName[STIME_AFTER_STATE]);
            return ticks / TICKS_PER_SECOND;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the CPU time of process " + pid, e);
        }
    }

    /** Seconds of CPU the running JVM (a load generator) has used so far. */
    public static double ofThisJvm() {
        return seconds(ProcessHandle.current().pid());
    }

    private static double clockTicks() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String answer = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            return getconf.waitFor() == 0 ? Double.parseDouble(answer) : 100;
        } catch (IOException | NumberFormatException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
