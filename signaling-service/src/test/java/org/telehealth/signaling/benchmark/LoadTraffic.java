package org.telehealth.signaling.benchmark;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the load generator's participants send and receive during one measured window: a window
 * has a tag (a positive number) that the messages sent in it carry; only their deliveries count.
 * Chat latency runs from just before a participant's write to the other participant of the visit
 * reading the line (one clock: both sockets live in this JVM); pong latency from a ping's write to
 * its pong. Written by the generator's event loops, read after the window.
 */
final class LoadTraffic {

    private volatile int sendingTag;
    private volatile int recordingTag;
    private final AtomicLong chatsSent = new AtomicLong();
    private final AtomicLong pingsSent = new AtomicLong();
    private final Samples chat = new Samples();
    private final Samples pong = new Samples();

    /** Opens window {@code tag}: messages sent from now on carry it, and their deliveries count. */
    void open(int tag) {
        chatsSent.set(0);
        pingsSent.set(0);
        chat.clear();
        pong.clear();
        recordingTag = tag;
        sendingTag = tag;
    }

    /** Messages sent from now on carry no tag; deliveries of the window's messages still count. */
    void stopSending() {
        sendingTag = 0;
    }

    /** Deliveries no longer count. */
    void close() {
        recordingTag = 0;
    }

    /** The tag to put in a message sent now (0: none), counting the chat. */
    int chatSent() {
        int tag = sendingTag;
        if (tag != 0) {
            chatsSent.incrementAndGet();
        }
        return tag;
    }

    int pingSent() {
        int tag = sendingTag;
        if (tag != 0) {
            pingsSent.incrementAndGet();
        }
        return tag;
    }

    void chatDelivered(int tag, long nanos) {
        if (tag != 0 && tag == recordingTag) {
            chat.add(nanos);
        }
    }

    void pongReceived(int tag, long nanos) {
        if (tag != 0 && tag == recordingTag) {
            pong.add(nanos);
        }
    }

    long chatsSent() {
        return chatsSent.get();
    }

    long pingsSent() {
        return pingsSent.get();
    }

    /** Chat latencies of the window, in milliseconds. */
    Percentiles chatMillis() {
        return chat.millis();
    }

    Percentiles pongMillis() {
        return pong.millis();
    }

    /** Latencies in nanoseconds, kept whole: a window holds tens of thousands at most. */
    private static final class Samples {

        private long[] nanos = new long[4096];
        private int size;

        synchronized void add(long value) {
            if (size == nanos.length) {
                nanos = Arrays.copyOf(nanos, size * 2);
            }
            nanos[size++] = value;
        }

        synchronized void clear() {
            size = 0;
        }

        synchronized Percentiles millis() {
            double[] values = new double[size];
            for (int i = 0; i < size; i++) {
                values[i] = nanos[i] / 1e6;
            }
            return new Percentiles(values, size);
        }
    }
}
