package org.telehealth.media.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time a process has used, user plus system, from {@code /proc/<pid>/stat}: the kernel's own
 * account, which covers every thread (GC, JIT, socket system calls) and is read the same way for
 * the SFU, the echo server and the load generator. Linux only.
 */
final class ProcessCpuTime {

    private static final int UTIME_AFTER_STATE = 11;
    private static final int STIME_AFTER_STATE = 12;

    private ProcessCpuTime() {
    }

    static double seconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name is in parentheses and may hold spaces: count fields after the last ')'.
            String[] afterName = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            long ticks = Long.parseLong(afterName[UTIME_AFTER_STATE]) + Long.parseLong(afterName[STIME_AFTER_STATE]);
            return ticks / ClockTicks.PER_SECOND;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the CPU time of process " + pid, e);
        }
    }
}
