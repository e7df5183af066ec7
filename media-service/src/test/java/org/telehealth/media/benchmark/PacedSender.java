package org.telehealth.media.benchmark;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * The load generator's one sending thread: sends every stream's packets when due, sleeping in
 * between, and a consent check per SFU participant every few seconds. One thread for all streams
 * keeps the generator to a core or less on a machine it shares with the server under test.
 */
final class PacedSender implements AutoCloseable {

    /** Browsers check consent about every 5 s; the SFU gives up after 30 s without one. */
    private static final long CONSENT_INTERVAL_NANOS = 5_000_000_000L;
    private static final long MIN_SLEEP_NANOS = 20_000L;

    private final List<OutboundStream> streams;
    private final List<LoadEndpoint> endpoints;
    private final Thread thread;
    private volatile int stepTag = ProbePayload.UNMEASURED;
    private volatile boolean running = true;
    private volatile boolean paused;

    PacedSender(List<OutboundStream> streams, List<LoadEndpoint> endpoints) {
        this.streams = List.copyOf(streams);
        this.endpoints = List.copyOf(endpoints);
        this.thread = new Thread(this::run, "load-sender");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Tags what is sent from now on with {@code tag} ({@link ProbePayload#UNMEASURED} outside a window). */
    void tag(int tag) {
        stepTag = tag;
    }

    /** Stops or resumes all sending (media and consent checks); what falls due meanwhile is skipped. */
    void pause(boolean pause) {
        paused = pause;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(2_000);
    }

    private void run() {
        long nextConsent = System.nanoTime();
        while (running) {
            if (paused) {
                LockSupport.parkNanos(1_000_000L);
                continue;
            }
            long now = System.nanoTime();
            int tag = stepTag;
            long earliest = nextConsent;
            for (OutboundStream stream : streams) {
                earliest = Math.min(earliest, stream.sendDue(now, tag));
            }
            if (now >= nextConsent) {
                sendConsentChecks();
                nextConsent = now + CONSENT_INTERVAL_NANOS;
            }
            long sleep = earliest - System.nanoTime();
            if (sleep > MIN_SLEEP_NANOS) {
                LockSupport.parkNanos(sleep);
            }
        }
    }

    private void sendConsentChecks() {
        for (LoadEndpoint endpoint : endpoints) {
            endpoint.consent().ifPresent(check -> {
                try {
                    endpoint.channel().write(ByteBuffer.wrap(check.request().bytes()));
                } catch (IOException e) {
                    // the next check, 5 s later, tries again; the SFU waits 30 s
                }
            });
        }
    }
}
