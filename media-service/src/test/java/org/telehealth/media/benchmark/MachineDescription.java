package org.telehealth.media.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine a run measured, for the report: figures from elsewhere do not compare without it. */
record MachineDescription(String cpuModel, int cores, String jdk) {

    static MachineDescription current() {
        String model = "unknown CPU";
        try {
            model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst().orElse(model);
        } catch (IOException ignored) {
            // not Linux, or hidden: the model stays unknown
        }
        return new MachineDescription(model, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    }

    /** The 1, 5 and 15 minute load averages: how busy the machine was with other work. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }
}
