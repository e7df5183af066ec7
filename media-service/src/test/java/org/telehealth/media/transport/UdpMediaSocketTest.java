package org.telehealth.media.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
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
}
