package org.telehealth.signaling.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of a process, user plus system, from {@code /proc/<pid>/stat}: the kernel's account of
 * every thread (GC, JIT, socket calls), read the same way for the service and the load generator.
 * Linux only; {@code USER_HZ} is 100 on every Linux we know.
 */
final class ProcessCpuTime {

    private static final int UTIME_AFTER_STATE = 11;
    private static final int STIME_AFTER_STATE = 12;
    private static final double TICKS_PER_SECOND = 100;

    private ProcessCpuTime() {
    }

    static double seconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command name is in parentheses and may hold spaces: count fields after the last ')'
            String[] afterName = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            return (Long.parseLong(afterName[UTIME_AFTER_STATE]) + Long.parseLong(afterName[STIME_AFTER_STATE]))
                    / TICKS_PER_SECOND;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the CPU time of process " + pid, e);
        }
    }

    /** CPU time of the running JVM (the load generator). */
    static double ofThisJvm() {
        return seconds(ProcessHandle.current().pid());
    }
}
