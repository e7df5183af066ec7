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
 */
public final class UdpMediaSocket implements AutoCloseable {

    /** Larger than any datagram WebRTC sends (MTU-sized), so nothing is ever truncated silently. */
    static final int MAX_DATAGRAM = 2048;

    private final DatagramChannel channel;
    private final DatagramHandler handler;
    private final Thread reader;
    private final LongAdder received = new LongAdder();
    private final LongAdder sent = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private volatile boolean running = true;

    /** Receives one datagram; {@code data} is owned by the handler from then on. */
    @FunctionalInterface
    public interface DatagramHandler {
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
            channel.send(ByteBuffer.wrap(data, offset, length), to);
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
            byte[] data = new byte[length + 64]; // headroom for SRTP trailers when forwarded
            buffer.get(data, 0, length);
            try {
                handler.onDatagram(data, length, from);
            } catch (RuntimeException e) {
                failed.increment();
            }
        }
    }
}
