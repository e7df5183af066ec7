package org.telehealth.media.benchmark;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

/**
 * The baseline the SFU is compared with: a bare UDP echo that sends every datagram back where it
 * came from, with the same I/O as the SFU's media socket (one blocking {@link DatagramChannel}, one
 * reader thread, a direct buffer, the same socket buffer size) and no work in between. Whatever it
 * reaches is what this machine's kernel and JVM can move; the SFU cannot beat it.
 *
 * <p>Runs as its own process ({@code java UdpEchoServer <port> <socket-buffer-bytes>}) so that its
 * CPU time is measured like the SFU's; exits when its standard input closes (its parent ended).
 */
public final class UdpEchoServer {

    private UdpEchoServer() {
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        int bufferBytes = Integer.parseInt(args[1]);
        Thread parentWatch = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // nothing is sent on stdin; EOF means the parent is gone
                }
            } catch (IOException ignored) {
                // the same: stop
            }
            System.exit(0);
        }, "parent-watch");
        parentWatch.setDaemon(true);
        parentWatch.start();

        try (DatagramChannel channel = DatagramChannel.open()) {
            channel.setOption(StandardSocketOptions.SO_RCVBUF, bufferBytes);
            channel.setOption(StandardSocketOptions.SO_SNDBUF, bufferBytes);
            channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            System.out.println("echo listening on " + channel.getLocalAddress());
            ByteBuffer buffer = ByteBuffer.allocateDirect(2048);
            while (true) {
                buffer.clear();
                SocketAddress from = channel.receive(buffer);
                buffer.flip();
                channel.send(buffer, from);
            }
        }
    }
}
