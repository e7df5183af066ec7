package org.telehealth.recording.benchmark;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * What a run of the recording benchmark does. The defaults fit a 2-core machine in about four
 * minutes; the system properties in brackets change them ({@code -Dbenchmark.visits=1,4,16}).
 *
 * @param visits the steps: how many visits are recorded at once in each [benchmark.visits, 1,2,4,8,16,32,64,96]
 * @param windowMillis each measured window (forwarding alone, then recording) [benchmark.window-millis, 6000]
 * @param budgetSeconds no step starts that would end later than this after the run began [benchmark.budget-seconds, 240]
 * @param mediaApp the packaged SFU [benchmark.media-app, ../media-service/target/quarkus-app/quarkus-run.jar]
 * @param workDirectory logs, spool files and the report [benchmark.work-dir, target/benchmark]
 * @param recorderJvmOptions the recorder's JVM: what {@code ./telehealth up} runs every service with
 */
record CapacitySettings(List<Integer> visits, long windowMillis, long budgetSeconds, Path mediaApp, Path workDirectory,
        List<String> recorderJvmOptions) {

    /** Ports 40000-40099 by default (recording.capture.first-port, last-port): captures one instance may run at once. */
    static final int MAX_CAPTURES_PER_INSTANCE = 100;

    CapacitySettings {
        visits = List.copyOf(visits);
        for (int i = 0; i < visits.size(); i++) {
            if (visits.get(i) < 1 || visits.get(i) > MAX_CAPTURES_PER_INSTANCE || i > 0 && visits.get(i) <= visits.get(i - 1)) {
                throw new IllegalArgumentException("benchmark.visits must rise from 1 to at most " + MAX_CAPTURES_PER_INSTANCE
                        + " (the captures of one instance), got " + visits);
            }
        }
        if (visits.isEmpty() || windowMillis < 1_000 || budgetSeconds < 1) {
            throw new IllegalArgumentException("a run needs a step, windows of at least 1 s and a time budget");
        }
    }

    static CapacitySettings fromSystemProperties() {
        return new CapacitySettings(
                parseSteps(System.getProperty("benchmark.visits", "1,2,4,8,16,32,64,96")),
                Long.getLong("benchmark.window-millis", 6_000),
                Long.getLong("benchmark.budget-seconds", 240),
                Path.of(System.getProperty("benchmark.media-app", "../media-service/target/quarkus-app/quarkus-run.jar")),
                Path.of(System.getProperty("benchmark.work-dir", "target/benchmark")),
                List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC"));
    }

    static List<Integer> parseSteps(String steps) {
        return Arrays.stream(steps.split(",")).map(String::trim).filter(step -> !step.isEmpty()).map(Integer::valueOf).toList();
    }
}
