package org.telehealth.media.benchmark;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts the {@link UdpEchoServer} in a child JVM on a free loopback port and waits until it echoes. */
final class UdpEchoProcess {

    private UdpEchoProcess() {
    }

    static Started start(List<String> jvmOptions, int socketBufferBytes, Path log) throws IOException, InterruptedException {
        int port;
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        List<String> arguments = new ArrayList<>(jvmOptions);
        arguments.addAll(List.of("-cp", classPath(), UdpEchoServer.class.getName(), Integer.toString(port),
                Integer.toString(socketBufferBytes)));
        ChildJvm jvm = ChildJvm.start("udp-echo", arguments, log);
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        awaitEcho(jvm, address);
        return new Started(jvm, address);
    }

    /** The running echo: its process and where it listens. */
    record Started(ChildJvm jvm, InetSocketAddress address) {
    }

    private static void awaitEcho(ChildJvm jvm, InetSocketAddress address) throws IOException, InterruptedException {
        try (DatagramChannel channel = DatagramChannel.open()) {
            channel.connect(address);
            channel.socket().setSoTimeout(200);
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (System.nanoTime() < deadline) {
                jvm.requireAlive();
                channel.write(ByteBuffer.wrap(new byte[] {1}));
                try {
                    channel.socket().receive(new DatagramPacket(new byte[16], 16));
                    return;
                } catch (SocketTimeoutException | PortUnreachableException notYet) {
                    Thread.sleep(100);
                }
            }
        }
        throw new IOException("the UDP echo did not answer within 30 s; see " + jvm.log());
    }

    private static String classPath() {
        try {
            return Path.of(UdpEchoServer.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
