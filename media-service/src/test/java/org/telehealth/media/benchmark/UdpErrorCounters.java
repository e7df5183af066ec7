package org.telehealth.media.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The kernel's count of UDP datagrams dropped because a socket's receive buffer was full
 * ({@code RcvbufErrors} in {@code /proc/net/snmp}): where loss on loopback happens when a reader
 * falls behind. Counted for the whole network namespace, so it names no socket.
 */
record UdpErrorCounters(long receiveBufferErrors) {

    static UdpErrorCounters now() {
        try {
            List<String> udp = Files.readAllLines(Path.of("/proc/net/snmp")).stream().filter(l -> l.startsWith("Udp: ")).toList();
            List<String> names = List.of(udp.get(0).split(" "));
            String[] values = udp.get(1).split(" ");
            return new UdpErrorCounters(Long.parseLong(values[names.indexOf("RcvbufErrors")]));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc/net/snmp", e);
        }
    }

    long since(UdpErrorCounters earlier) {
        return receiveBufferErrors - earlier.receiveBufferErrors;
    }
}
