package org.telehealth.media.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class UdpMediaSocketTest {

    private static final InetSocketAddress ANY_LOOPBACK_PORT = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    @Test
    void shouldHandEachDatagramWithItsSenderAndAnswerIt() throws Exception {
        BlockingQueue<byte[]> seen = new LinkedBlockingQueue<>();
        try (DatagramSocket browser = new DatagramSocket(ANY_LOOPBACK_PORT)) {
            UdpMediaSocket[] self = new UdpMediaSocket[1];
            try (UdpMediaSocket sfu = UdpMediaSocket.open(ANY_LOOPBACK_PORT, 1 << 20, (data, length, from) -> {
                seen.add(Arrays.copyOf(data, length));
                self[0].send(data, 0, length, from); // echo
            })) {
                self[0] = sfu;
                byte[] hello = {0, 1, 2, 3};
                browser.send(new DatagramPacket(hello, hello.length, sfu.localAddress()));

                assertThat(seen.poll(5, TimeUnit.SECONDS)).isEqualTo(hello);
                DatagramPacket echo = new DatagramPacket(new byte[100], 100);
                browser.setSoTimeout(5000);
                browser.receive(echo);
                assertThat(Arrays.copyOf(echo.getData(), echo.getLength())).isEqualTo(hello);
                assertThat(sfu.datagramsReceived()).isEqualTo(1);
                // counted after the send returns, which may be after the echo already arrived
                for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                        sfu.datagramsSent() == 0 && System.nanoTime() < deadline; ) {
                    Thread.onSpinWait();
                }
                assertThat(sfu.datagramsSent()).isEqualTo(1);
            }
        }
    }

    @Test
    void shouldKeepReadingWhenHandlingADatagramFails() throws Exception {
        BlockingQueue<Integer> lengths = new LinkedBlockingQueue<>();
        try (DatagramSocket peer = new DatagramSocket(ANY_LOOPBACK_PORT);
                UdpMediaSocket sfu = UdpMediaSocket.open(ANY_LOOPBACK_PORT, 1 << 20, (data, length, from) -> {
                    lengths.add(length);
                    if (length == 1) {
                        throw new IllegalStateException("boom");
                    }
                })) {
            peer.send(new DatagramPacket(new byte[1], 1, sfu.localAddress()));
            peer.send(new DatagramPacket(new byte[2], 2, sfu.localAddress()));

            assertThat(lengths.poll(5, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(lengths.poll(5, TimeUnit.SECONDS)).isEqualTo(2);
            assertThat(sfu.datagramsFailed()).isEqualTo(1);
        }
    }

    @Test
    void shouldReceiveFullSizeDatagramsWhole() throws Exception {
        BlockingQueue<Integer> lengths = new LinkedBlockingQueue<>();
        try (DatagramSocket peer = new DatagramSocket(ANY_LOOPBACK_PORT);
                UdpMediaSocket sfu = UdpMediaSocket.open(ANY_LOOPBACK_PORT, 1 << 20, (data, length, from) -> lengths.add(length))) {
            peer.send(new DatagramPacket(new byte[1500], 1500, sfu.localAddress()));

            assertThat(lengths.poll(5, TimeUnit.SECONDS)).isEqualTo(1500);
        }
    }

    @Test
    void shouldHandEveryDatagramInTheReadersOneArrayWithRoomAfterIt() throws Exception {
        BlockingQueue<byte[]> arrays = new LinkedBlockingQueue<>();
        BlockingQueue<byte[]> contents = new LinkedBlockingQueue<>();
        try (DatagramSocket peer = new DatagramSocket(ANY_LOOPBACK_PORT);
                UdpMediaSocket sfu = UdpMediaSocket.open(ANY_LOOPBACK_PORT, 1 << 20, (data, length, from) -> {
                    contents.add(Arrays.copyOf(data, length)); // what outlives the call is copied
                    arrays.add(data);
                })) {
            peer.send(new DatagramPacket(new byte[] {1, 1, 1}, 3, sfu.localAddress()));
            peer.send(new DatagramPacket(new byte[] {2, 2}, 2, sfu.localAddress()));

            byte[] first = arrays.poll(5, TimeUnit.SECONDS);
            assertThat(arrays.poll(5, TimeUnit.SECONDS)).isSameAs(first);
            assertThat(first.length).isGreaterThanOrEqualTo(UdpMediaSocket.MAX_DATAGRAM + UdpMediaSocket.HEADROOM);
            assertThat(contents).containsExactly(new byte[] {1, 1, 1}, new byte[] {2, 2});
        }
    }

    @Test
    void shouldSendIntactDatagramsFromSeveralThreadsAtOnce() throws Exception {
        int threads = 4;
        int perThread = 200;
        try (DatagramSocket peer = new DatagramSocket(ANY_LOOPBACK_PORT);
                UdpMediaSocket sfu = UdpMediaSocket.open(ANY_LOOPBACK_PORT, 1 << 20, (data, length, from) -> { })) {
            peer.setReceiveBufferSize(1 << 20);
            peer.setSoTimeout(2000);
            InetSocketAddress to = (InetSocketAddress) peer.getLocalSocketAddress();
            Thread[] senders = new Thread[threads];
            for (int t = 0; t < threads; t++) {
                byte pattern = (byte) (t + 1);
                int length = 100 + 300 * t; // each thread its own length and bytes
                senders[t] = new Thread(() -> {
                    byte[] datagram = new byte[length];
                    Arrays.fill(datagram, pattern);
                    for (int i = 0; i < perThread; i++) {
                        sfu.send(datagram, 0, length, to);
                    }
                });
            }
            for (Thread sender : senders) {
                sender.start();
            }
            int received = 0;
            try {
                for (; received < threads * perThread; received++) {
                    DatagramPacket packet = new DatagramPacket(new byte[2048], 2048);
                    peer.receive(packet);
                    byte pattern = packet.getData()[0];
                    assertThat(packet.getLength()).isEqualTo(100 + 300 * (pattern - 1));
                    for (int i = 0; i < packet.getLength(); i++) {
                        assertThat(packet.getData()[i]).as("byte %d of a datagram of thread %d", i, pattern).isEqualTo(pattern);
                    }
                }
            } catch (SocketTimeoutException lostSome) {
                // loopback may drop when the peer falls behind: what matters is that what arrives is whole
            }
            for (Thread sender : senders) {
                sender.join();
            }
            assertThat(received).isPositive();
            assertThat(sfu.datagramsSent()).isEqualTo((long) threads * perThread);
        }
    }
}
