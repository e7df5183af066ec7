package org.telehealth.media.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The live objects of another JVM's heap, by class, from {@code jcmd <pid> GC.class_histogram}: the
 * command runs a full GC first, so garbage (the SFU allocates per packet) never counts, whatever the
 * collector. Two histograms, with and without participants, give the memory one participant holds.
 * The JVM skips that GC, and says so in its log, while a thread holds the GC locker (SRTP's native
 * AES runs in JNI critical sections): callers pause the traffic, and a skipped GC is taken again.
 */
record HeapHistogram(long totalBytes, Map<String, Long> bytesByClass, String text) {

    private static final Pattern CLASS_LINE = Pattern.compile("^\\s*\\d+:\\s+\\d+\\s+(\\d+)\\s+(\\S+).*$");
    private static final Pattern TOTAL_LINE = Pattern.compile("^Total\\s+\\d+\\s+(\\d+)\\s*$");

    private static final String SKIPPED_GC = "pre-dump GC was skipped";
    private static final int ATTEMPTS = 5;

    /** The live heap of {@code jvm}, taken again while its log says that the GC before it was skipped. */
    static HeapHistogram afterFullGc(ChildJvm jvm) throws IOException, InterruptedException {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            long skippedBefore = skippedGcs(jvm.log());
            HeapHistogram histogram = of(jvm.pid());
            Thread.sleep(200); // the JVM writes its warning to the log after the dump
            if (skippedGcs(jvm.log()) == skippedBefore) {
                return histogram;
            }
            Thread.sleep(500);
        }
        throw new IOException("the JVM skipped the GC before each of " + ATTEMPTS + " class histograms (GC locker held)");
    }

    private static long skippedGcs(Path log) throws IOException {
        try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.contains(SKIPPED_GC)).count();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static HeapHistogram of(long pid) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.class_histogram")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("jcmd GC.class_histogram failed for process " + pid + ": "
                    + output.lines().findFirst().orElse(""));
        }
        Map<String, Long> byClass = new HashMap<>();
        long total = -1;
        for (String line : output.lines().toList()) {
            Matcher classLine = CLASS_LINE.matcher(line);
            Matcher totalLine = TOTAL_LINE.matcher(line);
            if (classLine.matches()) {
                byClass.merge(classLine.group(2), Long.parseLong(classLine.group(1)), Long::sum);
            } else if (totalLine.matches()) {
                total = Long.parseLong(totalLine.group(1));
            }
        }
        if (total < 0) {
            throw new IOException("no Total line in the class histogram of process " + pid);
        }
        return new HeapHistogram(total, Map.copyOf(byClass), output);
    }

    /** The classes whose live bytes grew most since {@code before}, largest first. */
    List<Map.Entry<String, Long>> largestGrowthSince(HeapHistogram before, int limit) {
        Map<String, Long> growth = new HashMap<>();
        bytesByClass.forEach((name, bytes) -> growth.put(name, bytes - before.bytesByClass.getOrDefault(name, 0L)));
        return growth.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(limit)
                .toList();
    }
}
