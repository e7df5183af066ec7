package org.telehealth.platform;

import java.io.PrintStream;
import java.time.Duration;

/** Start-up progress on the console: one line per step, with the seconds since launch. */
public final class Progress {

    private final PrintStream out;
    private final long startedAt = System.nanoTime();

    public Progress(PrintStream out) {
        this.out = out;
    }

    public void step(String component, String message) {
        long seconds = Duration.ofNanos(System.nanoTime() - startedAt).toSeconds();
        synchronized (out) {
            out.printf("[%4ds] %-19s %s%n", seconds, component, message);
            out.flush();
        }
    }

    /** A line printed as is: the READY line that scripts wait for. */
    public void line(String text) {
        synchronized (out) {
            out.println(text);
            out.flush();
        }
    }
}
