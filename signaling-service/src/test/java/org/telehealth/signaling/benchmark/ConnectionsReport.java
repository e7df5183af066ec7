package org.telehealth.signaling.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns the windows of SignalingConnectionsBenchmark into the text it prints and keeps in
 * {@code target/benchmark/connections/report.txt}: every window, the largest number of sockets
 * held with chat p99 under the target, live heap per connection, and why the ramp stopped.
 */
final class ConnectionsReport {

    static final double P99_TARGET_MILLIS = 50;

    private final String machine;
    private final String conditions;
    private final String loadBefore;
    private final long idleHeapBytes;
    private final List<ConnectionStep> steps = new ArrayList<>();
    private String stoppedBecause = "all steps were run";
    private String loadAfter = "";

    ConnectionsReport(String machine, String conditions, String loadBefore, long idleHeapBytes) {
        this.machine = machine;
        this.conditions = conditions;
        this.loadBefore = loadBefore;
        this.idleHeapBytes = idleHeapBytes;
    }

    void add(ConnectionStep step) {
        steps.add(step);
    }

    void stoppedBecause(String reason) {
        stoppedBecause = reason;
    }

    void finished() {
        loadAfter = Machine.loadAverage();
    }

    static boolean meetsTarget(ConnectionStep step) {
        return step.chat().count() > 0 && step.chat().at(99) < P99_TARGET_MILLIS && step.chatsLost() == 0 && step.failedVisits() == 0;
    }

    static String progressLine(ConnectionStep step) {
        return String.format(Locale.ROOT, "  %-12s %6d sockets (joined in %5.1f s, %d failed)  chat %6d sent,"
                        + " p50 %6.1f p99 %7.1f max %7.1f ms, %d lost  pong p50 %6.1f p99 %7.1f ms  signaling %.2f cores, generator %.2f, other %.2f  GC %d (max %.1f ms)"
                        + "  load %s",
                step.label(), step.connections(), step.joinSeconds(), step.failedVisits(), step.chatsSent(), step.chat().at(50),
                step.chat().at(99), step.chat().max(), step.chatsLost(), step.pong().at(50), step.pong().at(99), step.signalingCores(),
                step.generatorCores(), step.otherCores(), step.gc().count(), step.gc().maxMillis(), step.loadAverage());
    }

    /** Chat lines delivered in all windows: none means nothing was measured. */
    long chatDeliveries() {
        return steps.stream().mapToLong(step -> step.chat().count()).sum();
    }

    /** The largest number of sockets whose (last) window met the target, 0 if none did. */
    int largestMeetingTarget() {
        int largest = 0;
        for (int i = 0; i < steps.size(); i++) {
            ConnectionStep step = steps.get(i);
            boolean lastOfItsSize = i + 1 == steps.size() || steps.get(i + 1).connections() != step.connections();
            if (lastOfItsSize && meetsTarget(step)) {
                largest = Math.max(largest, step.connections());
            }
        }
        return largest;
    }

    String render() {
        List<String> out = new ArrayList<>();
        out.add("== signaling-service: concurrent visit sockets on one instance ==");
        out.add("machine: " + machine);
        out.add("load average: " + loadBefore + " before, " + loadAfter + " after (1, 5, 15 min)");
        out.add(conditions);
        out.add("");
        out.add("| window | sockets | joined in s | chats sent | lost | chat p50 ms | chat p99 ms | chat max ms | pong p50 ms"
                + " | pong p99 ms | signaling cores | generator cores | other cores | GC pauses (max ms) | live heap MB"
                + " | heap per socket KB | load avg |");
        out.add("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        ConnectionStep previousWithHeap = null;
        for (ConnectionStep step : steps) {
            String perSocket = "-";
            if (step.liveHeapBytes() > 0) {
                long fromBytes = previousWithHeap == null ? idleHeapBytes : previousWithHeap.liveHeapBytes();
                int fromSockets = previousWithHeap == null ? 0 : previousWithHeap.connections();
                if (step.connections() > fromSockets) {
                    perSocket = String.format(Locale.ROOT, "%.1f",
                            (step.liveHeapBytes() - fromBytes) / 1024.0 / (step.connections() - fromSockets));
                }
                previousWithHeap = step;
            }
            out.add(String.format(Locale.ROOT, "| %s | %,d | %.1f | %,d | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.2f | %.2f | %.2f"
                            + " | %d (%.1f) | %s | %s | %s |",
                    step.label(), step.connections(), step.joinSeconds(), step.chatsSent(), step.chatsLost(), step.chat().at(50),
                    step.chat().at(99), step.chat().max(), step.pong().at(50), step.pong().at(99), step.signalingCores(),
                    step.generatorCores(), step.otherCores(), step.gc().count(), step.gc().maxMillis(),
                    step.liveHeapBytes() > 0 ? String.format(Locale.ROOT, "%.1f", step.liveHeapBytes() / 1e6) : "-", perSocket,
                    step.loadAverage()));
        }
        out.add("");
        out.add(String.format(Locale.ROOT, "largest number of sockets held with chat p99 under %.0f ms (nothing lost, every visit"
                        + " joined): %,d",
                P99_TARGET_MILLIS, largestMeetingTarget()));
        ConnectionStep last = steps.stream().filter(s -> s.liveHeapBytes() > 0).reduce((a, b) -> b).orElse(null);
        if (last != null && last.connections() > 0) {
            out.add(String.format(Locale.ROOT, "live heap: idle %.1f MB, %,d sockets %.1f MB: %.1f KB per socket counted from idle"
                            + " (the per-step growth is in the table)",
                    idleHeapBytes / 1e6, last.connections(), last.liveHeapBytes() / 1e6,
                    (last.liveHeapBytes() - idleHeapBytes) / 1024.0 / last.connections()));
        }
        out.add("the ramp stopped: " + stoppedBecause);
        return String.join("\n", out) + "\n";
    }
}
