package org.telehealth.media.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.atomic.LongAdder;

/**
 * The one UDP socket through which every participant's media enters and leaves this instance. A
 * single reader thread receives datagrams and hands each to the {@link DatagramHandler}; sending is
 * safe from any thread. Handler failures are counted and the datagram dropped: no input can stop
 * the reader.
 *
 * <p>Nothing is allocated per datagram: the reader receives every datagram into the same array,
 * which the handler may use only until it returns, and each sending thread copies what it sends
 * into a direct buffer of its own, which the kernel reads from without a further copy in the JDK.
 */
public final class UdpMediaSocket implements AutoCloseable {

    /** Larger than any datagram WebRTC sends (MTU-sized), so nothing is ever truncated silently. */
    public static final int MAX_DATAGRAM = 2048;
    /** Room after a received datagram for what SRTP appends, should a handler protect it in place. */
    static final int HEADROOM = 64;
    /** The largest datagram a thread's send buffer holds; a longer one (none in WebRTC) is wrapped instead. */
    static final int MAX_SEND = MAX_DATAGRAM + HEADROOM;

    private final DatagramChannel channel;
    private final DatagramHandler handler;
    private final Thread reader;
    private final LongAdder received = new LongAdder();
    private final LongAdder sent = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final ThreadLocal<ByteBuffer> sendBuffers = ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(MAX_SEND));
    private volatile boolean running = true;

    /** Receives one datagram. */
    @FunctionalInterface
    public interface DatagramHandler {
        /**
         * Handles the datagram in {@code data[0, length)}. The array is the reader's: the next
         * datagram is received into it as soon as this returns, so whatever outlives the call must
         * be copied. It has {@link UdpMediaSocket#HEADROOM} bytes to spare after the datagram.
         */
        void onDatagram(byte[] data, int length, InetSocketAddress from);
    }

    private UdpMediaSocket(DatagramChannel channel, DatagramHandler handler) {
        this.channel = channel;
        this.handler = handler;
        this.reader = new Thread(this::readLoop, "media-udp-reader");
        this.reader.setDaemon(true);
    }

    public static UdpMediaSocket open(InetSocketAddress bindTo, int bufferBytes, DatagramHandler handler) throws IOException {
        DatagramChannel channel = DatagramChannel.open();
        try {
            channel.setOption(StandardSocketOptions.SO_RCVBUF, bufferBytes);
            channel.setOption(StandardSocketOptions.SO_SNDBUF, bufferBytes);
            channel.bind(bindTo);
        } catch (IOException e) {
            channel.close();
            throw new IOException("cannot bind the media UDP socket to " + bindTo + ": " + e.getMessage(), e);
        }
        UdpMediaSocket socket = new UdpMediaSocket(channel, handler);
        socket.reader.start();
        return socket;
    }

    public InetSocketAddress localAddress() throws IOException {
        return (InetSocketAddress) channel.getLocalAddress();
    }

    /** Sends {@code length} bytes of {@code data} to {@code to}; failures are counted, not thrown. */
    public void send(byte[] data, int offset, int length, InetSocketAddress to) {
        try {
            ByteBuffer out;
            if (length <= MAX_SEND) {
                out = sendBuffers.get();
                out.clear();
                out.put(data, offset, length).flip();
            } else {
                out = ByteBuffer.wrap(data, offset, length);
            }
            channel.send(out, to);
            sent.increment();
        } catch (IOException e) {
            failed.increment();
        }
    }

    public long datagramsReceived() {
        return received.sum();
    }

    public long datagramsSent() {
        return sent.sum();
    }

    /** Datagrams whose handling threw, or that could not be sent. */
    public long datagramsFailed() {
        return failed.sum();
    }

    @Override
    public void close() {
        running = false;
        try {
            channel.close();
            reader.join(2000);
        } catch (IOException ignored) {
            // closing anyway
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void readLoop() {
        ByteBuffer buffer = ByteBuffer.allocateDirect(MAX_DATAGRAM);
        byte[] data = new byte[MAX_DATAGRAM + HEADROOM];
        while (running) {
            InetSocketAddress from;
            try {
                buffer.clear();
                from = (InetSocketAddress) channel.receive(buffer);
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                failed.increment();
                continue;
            }
            if (from == null) {
                continue;
            }
            received.increment();
            buffer.flip();
            int length = buffer.remaining();
            buffer.get(data, 0, length);
            try {
                handler.onDatagram(data, length, from);
            } catch (RuntimeException e) {
                failed.increment();
            }
        }
    }
}
