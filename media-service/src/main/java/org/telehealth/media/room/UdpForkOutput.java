package org.telehealth.media.room;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.atomic.LongAdder;

/**
 * The recording fork's socket: a UDP socket of its own, connected to the recorder, so nothing the
 * recorder (or anyone else) sends back reaches the media path: the SFU never reads it, and the
 * kernel drops datagrams from any other address. Sending is safe from any thread.
 */
public final class UdpForkOutput implements ForkOutput {

    private final DatagramChannel channel;
    private final LongAdder failed = new LongAdder();

    private UdpForkOutput(DatagramChannel channel) {
        this.channel = channel;
    }

    /** A socket on an ephemeral port, connected to {@code target}, with {@code bufferBytes} of send buffer. */
    public static UdpForkOutput connect(InetSocketAddress target, int bufferBytes) {
        try {
            DatagramChannel channel = DatagramChannel.open();
            try {
                channel.setOption(StandardSocketOptions.SO_SNDBUF, bufferBytes);
                channel.connect(target);
            } catch (IOException e) {
                channel.close();
                throw e;
            }
            return new UdpForkOutput(channel);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the recording fork's socket to " + target, e);
        }
    }

    @Override
    public void send(byte[] packet, int offset, int length) {
        try {
            channel.write(ByteBuffer.wrap(packet, offset, length));
        } catch (IOException e) {
            failed.increment(); // the recorder's port closed (ICMP unreachable), a full buffer: the next packet tries again
        }
    }

    @Override
    public long failures() {
        return failed.sum();
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
