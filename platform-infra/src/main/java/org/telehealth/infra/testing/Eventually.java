package org.telehealth.infra.testing;

import java.time.Duration;

/** Waits for something that happens asynchronously (a Kafka round trip, a job) by retrying an assertion. */
public final class Eventually {

    private Eventually() {
    }

    /** Runs {@code assertion} until it passes; after {@code timeout} its last failure is thrown. */
    public static void eventually(Duration timeout, Runnable assertion) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                assertion.run();
                return;
            } catch (AssertionError notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting", e);
            }
        }
    }
}
