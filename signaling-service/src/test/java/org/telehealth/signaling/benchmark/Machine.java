package org.telehealth.signaling.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The machine a run measured and how busy it was: CPU model, cores, JDK, load average, and the
 * busy time of all cores from {@code /proc/stat}, from which the processes we started are
 * subtracted to tell how much other work (builds, other sessions' tests) shared the cores.
 */
final class Machine {

    private Machine() {
    }

    /** One line: model, cores, memory, kernel, JDK and the time, for the report's header. */
    static String description() {
        String model = "unknown CPU";
        try {
            model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst().orElse(model);
        } catch (IOException ignored) {
            // not Linux, or hidden: the model stays unknown
        }
        return String.format(Locale.ROOT, "%s, %d cores, %.0f GiB, Linux %s, %s %s; %s UTC", model,
                Runtime.getRuntime().availableProcessors(), memoryGib(), System.getProperty("os.version"),
                System.getProperty("java.vm.name"), System.getProperty("java.version"),
                Instant.now().truncatedTo(ChronoUnit.MINUTES));
    }

    /** The 1, 5 and 15 minute load averages. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Busy seconds of all cores so far (user, nice, system, irq, softirq, steal). */
    static double busySeconds() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6])
                    + Long.parseLong(f[7]) + Long.parseLong(f[8]);
            return busy / 100.0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc/stat", e);
        }
    }

    /** The soft limit on open files of this JVM (children inherit it). */
    static long openFilesLimit() {
        try {
            return Files.readAllLines(Path.of("/proc/self/limits")).stream()
                    .filter(line -> line.startsWith("Max open files"))
                    .map(line -> line.substring("Max open files".length()).trim().split("\\s+")[0])
                    .map(value -> value.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(value))
                    .findFirst().orElse(1024L);
        } catch (IOException e) {
            return 1024;
        }
    }

    private static double memoryGib() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream()
                    .filter(line -> line.startsWith("MemTotal:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")))
                    .findFirst().orElse(0) / 1024.0 / 1024.0;
        } catch (IOException e) {
            return 0;
        }
    }
}
