package org.telehealth.signaling.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The machine a run measured and how busy it was: CPU model, cores, JDK, load average and the
 * open-files limit (the busy time of all cores is platform-infra's {@code MachineCpuTime}).
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
