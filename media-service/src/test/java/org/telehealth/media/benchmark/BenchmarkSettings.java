package org.telehealth.media.benchmark;

import java.nio.file.Path;
import java.util.List;

/**
 * What a benchmark run does. The defaults fit a 2-core machine in about two minutes; the system
 * properties in brackets change them ({@code -Dbenchmark.rooms=40} on the Maven command line).
 *
 * @param rooms rooms of synthetic participants [benchmark.rooms, 20]
 * @param roomSize participants per room, each publishing audio and video to the others [benchmark.room-size, 2]
 * @param startPps the first step of each peak search, forwarded packets per second [benchmark.start-pps, 8000]
 * @param stepFactor how much each step of the search raises the load [benchmark.step-factor, 1.5]
 * @param maxSteps steps a peak search may take before it stops [benchmark.max-steps, 12]
 * @param maxLossPercent the loss that ends a peak search; below it a step counts as sustained
 * @param app the packaged SFU [benchmark.app, target/quarkus-app/quarkus-run.jar]
 * @param workDirectory logs and the report [benchmark.work-dir, target/benchmark]
 * @param serverJvmOptions JVM options of the SFU and of the echo: those {@code ./telehealth up} runs services with
 * @param socketBufferBytes UDP buffers of every socket: the SFU's default (media.transport.socket-buffer-bytes)
 */
record BenchmarkSettings(int rooms, int roomSize, TrafficPlan.PacketSizes sizes, LoadRamp.Timing timing, double startPps,
        double stepFactor, int maxSteps, double maxLossPercent, Path app, Path workDirectory, List<String> serverJvmOptions,
        int socketBufferBytes) {

    BenchmarkSettings {
        if (rooms < 2 || roomSize < 2 || roomSize > 8) {
            throw new IllegalArgumentException("benchmark.rooms must be at least 2 (memory is measured with half of them) and"
                    + " benchmark.room-size 2 to 8 (the SFU's room limit), got " + rooms + " and " + roomSize);
        }
    }

    /** What {@code ./telehealth up} runs every service with: the SFU's and the echo's JVM options. */
    static final List<String> SERVER_JVM_OPTIONS = List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC");
    /** Every socket's UDP buffers: the SFU's default (media.transport.socket-buffer-bytes). */
    static final int SOCKET_BUFFER_BYTES = 4 * 1024 * 1024;

    /** Camera packets near the MTU, Opus packets of 20 ms, as browsers send them (before SRTP's 16-byte tag). */
    static final TrafficPlan.PacketSizes BROWSER_LIKE_SIZES = new TrafficPlan.PacketSizes(160, 1100);

    static BenchmarkSettings fromSystemProperties() {
        return new BenchmarkSettings(
                Integer.getInteger("benchmark.rooms", 20),
                Integer.getInteger("benchmark.room-size", 2),
                BROWSER_LIKE_SIZES,
                new LoadRamp.Timing(1_000, Long.getLong("benchmark.measure-millis", 3_000), 300),
                Double.parseDouble(System.getProperty("benchmark.start-pps", "8000")),
                Double.parseDouble(System.getProperty("benchmark.step-factor", "1.5")),
                Integer.getInteger("benchmark.max-steps", 12),
                0.1,
                Path.of(System.getProperty("benchmark.app", "target/quarkus-app/quarkus-run.jar")),
                Path.of(System.getProperty("benchmark.work-dir", "target/benchmark")),
                SERVER_JVM_OPTIONS,
                SOCKET_BUFFER_BYTES);
    }

    int participants() {
        return rooms * roomSize;
    }
}
