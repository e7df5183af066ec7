package org.telehealth.recording.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UdpSocketTableTest {

    private static final String TABLE = """
               sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops
              120: 0100007F:9C40 00000000:0000 07 00000000:00000A00 00:00000000 00000000     0        0 4711 2 ffff8a0c12345678 3
              121: 0100007F:9C41 0100007F:D431 01 00000000:00000000 00:00000000 00000000     0        0 4712 2 ffff8a0c12345679 0
              122: 00000000:9C41 00000000:0000 07 00000000:00000010 00:00000000 00000000     0        0 4713 2 ffff8a0c1234567a 1
            """;

    @Test
    void shouldReadQueuedBytesAndDropsByLocalPort() {
        Map<Integer, UdpSocketTable.Socket> sockets = UdpSocketTable.parse(TABLE);

        assertThat(sockets.get(0x9C40)).isEqualTo(new UdpSocketTable.Socket(0xA00, 3));
        assertThat(sockets.get(0x9C41)).as("two sockets on one port add up").isEqualTo(new UdpSocketTable.Socket(0x10, 1));
        assertThat(sockets).hasSize(2);
    }

    @Test
    void shouldCountTheDropsBetweenTwoReadingsOfTheSocketsOpenAtBoth() {
        Map<Integer, UdpSocketTable.Socket> before = Map.of(1, new UdpSocketTable.Socket(0, 5), 2, new UdpSocketTable.Socket(0, 0),
                3, new UdpSocketTable.Socket(0, 9));
        Map<Integer, UdpSocketTable.Socket> after = Map.of(1, new UdpSocketTable.Socket(0, 7), 2, new UdpSocketTable.Socket(0, 4),
                4, new UdpSocketTable.Socket(0, 100));

        assertThat(UdpSocketTable.dropsBetween(before, after)).as("2 on port 1, 4 on port 2; 3 closed, 4 opened meanwhile")
                .isEqualTo(6);
        assertThat(UdpSocketTable.dropsAt(2, before, after)).isEqualTo(4);
        assertThat(UdpSocketTable.dropsAt(3, before, after)).as("closed meanwhile").isZero();
    }

    @Test
    void shouldSeeDatagramsWaitingInASocketNobodyReads() throws Exception {
        try (DatagramSocket idle = new DatagramSocket(0, InetAddress.getLoopbackAddress());
                DatagramSocket sender = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            for (int i = 0; i < 3; i++) {
                sender.send(new DatagramPacket(new byte[1000], 1000, idle.getLocalSocketAddress()));
            }
            Thread.sleep(50);

            UdpSocketTable.Socket socket = UdpSocketTable.read().get(idle.getLocalPort());

            assertThat(socket.queuedBytes()).as("three datagrams of 1000 bytes, with the kernel's overhead")
                    .isGreaterThanOrEqualTo(3000);
            assertThat(socket.drops()).isZero();
        }
    }
}
