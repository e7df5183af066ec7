package org.telehealth.media.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The unit of the CPU times in {@code /proc} ({@code USER_HZ}), asked once from {@code getconf};
 * 100 on every Linux we know, which is also the fallback.
 */
final class ClockTicks {

    static final double PER_SECOND = read();

    private ClockTicks() {
    }

    private static double read() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String answer = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            return getconf.waitFor() == 0 ? Double.parseDouble(answer) : 100;
        } catch (IOException | NumberFormatException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
