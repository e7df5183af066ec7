package org.telehealth.infra.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stop-the-world pauses a server's JVM logged during a window, read from its GC log
 * ({@code -Xlog:gc:file=...:utctime}), for the benchmarks: a pause stops the threads that forward
 * media or deliver messages, so pauses explain much of a step's tail latency.
 *
 * @param count pauses that started in the window
 * @param maxMillis the longest of them
 */
public record GcPauses(int count, double maxMillis) {

    private static final Pattern PAUSE = Pattern.compile("^\\[([^\\]]+)\\].* Pause .* ([0-9.]+)ms$");
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    /** The JVM option that writes the log this class reads. */
    public static String logOption(Path log) {
        return "-Xlog:gc:file=" + log.toAbsolutePath() + ":utctime";
    }

    public static GcPauses between(Path log, Instant from, Instant to) {
        List<String> lines;
        try {
            lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int count = 0;
        double max = 0;
        for (String line : lines) {
            Matcher pause = PAUSE.matcher(line);
            if (pause.matches()) {
                Instant at = OffsetDateTime.parse(pause.group(1), UTC_TIME).toInstant();
                if (!at.isBefore(from) && at.isBefore(to)) {
                    count++;
                    max = Math.max(max, Double.parseDouble(pause.group(2)));
                }
            }
        }
        return new GcPauses(count, max);
    }
}
