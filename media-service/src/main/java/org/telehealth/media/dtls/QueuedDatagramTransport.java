package org.telehealth.media.dtls;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.bouncycastle.tls.DatagramTransport;

/**
 * Connects Bouncy Castle's blocking DTLS engine to the SFU's single UDP socket. The I/O thread hands
 * each DTLS datagram of this participant to {@link #offer}; the handshake thread reads them from a
 * small bounded queue, and its replies go out through the socket's sender. A flood of datagrams fills
 * the queue and the rest are dropped, never blocking the I/O thread.
 */
final class QueuedDatagramTransport implements DatagramTransport {

    /** Keeps DTLS records below typical path MTUs once UDP, IP and TURN overheads are added. */
    static final int MTU = 1200;
    private static final int QUEUE_CAPACITY = 64;

    private final BlockingQueue<byte[]> inbound = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final Consumer<byte[]> sender;
    private volatile boolean closed;

    QueuedDatagramTransport(Consumer<byte[]> sender) {
        this.sender = sender;
    }

    /** Called by the I/O thread; returns false when the datagram was dropped. */
    boolean offer(byte[] datagram) {
        return !closed && inbound.offer(datagram);
    }

    @Override
    public int getReceiveLimit() {
        return MTU;
    }

    @Override
    public int getSendLimit() {
        return MTU;
    }

    @Override
    public int receive(byte[] buf, int off, int len, int waitMillis) {
        if (closed) {
            return -1;
        }
        try {
            byte[] datagram = inbound.poll(waitMillis, TimeUnit.MILLISECONDS);
            if (datagram == null) {
                return -1;
            }
            int n = Math.min(len, datagram.length);
            System.arraycopy(datagram, 0, buf, off, n);
            return n;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    @Override
    public void send(byte[] buf, int off, int len) {
        if (!closed) {
            byte[] copy = new byte[len];
            System.arraycopy(buf, off, copy, 0, len);
            sender.accept(copy);
        }
    }

    @Override
    public void close() {
        closed = true;
        inbound.clear();
    }
}
