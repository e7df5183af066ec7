package org.telehealth.signaling.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The live heap of another JVM: the total of {@code jcmd <pid> GC.class_histogram}, which runs a
 * full GC first, so that garbage never counts. The full histogram is kept for the report folder.
 *
 * @param bytes live bytes after the full GC
 * @param histogram jcmd's output
 */
record LiveHeap(long bytes, String histogram) {

    private static final Pattern TOTAL_LINE = Pattern.compile("^Total\\s+\\d+\\s+(\\d+)\\s*$", Pattern.MULTILINE);

    static LiveHeap of(long pid) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.class_histogram")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("jcmd GC.class_histogram failed for process " + pid + ": "
                    + output.lines().findFirst().orElse(""));
        }
        Matcher total = TOTAL_LINE.matcher(output);
        if (!total.find()) {
            throw new IOException("no Total line in the class histogram of process " + pid);
        }
        return new LiveHeap(Long.parseLong(total.group(1)), output);
    }
}
