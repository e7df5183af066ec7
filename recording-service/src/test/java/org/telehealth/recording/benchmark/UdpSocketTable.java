package org.telehealth.recording.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The kernel's view of this machine's UDP sockets ({@code /proc/net/udp} and {@code udp6}), by local
 * port: bytes received and not yet read (a recorder that falls behind leaves them growing) and
 * datagrams dropped because the receive buffer was full. Linux only.
 *
 * <pre>
 *   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops
 *  120: 0100007F:9C40 00000000:0000 07 00000000:00000A00 00:00000000 00000000     0        0 4711 2 ffff8a... 3
 *       address:port (hex)                   queued bytes (hex)                                                drops
 * </pre>
 */
final class UdpSocketTable {

    /** One socket: bytes waiting to be read, datagrams dropped since it was opened. */
    record Socket(long queuedBytes, long drops) {
    }

    private UdpSocketTable() {
    }

    static Map<Integer, Socket> read() {
        Map<Integer, Socket> sockets = new HashMap<>();
        for (String table : new String[] {"/proc/net/udp", "/proc/net/udp6"}) {
            try {
                Path path = Path.of(table);
                if (Files.exists(path)) {
                    parse(Files.readString(path)).forEach((port, socket) -> sockets.merge(port, socket, UdpSocketTable::sum));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + table, e);
            }
        }
        return sockets;
    }

    /** Datagrams dropped between two readings, all sockets open at both (a socket's count starts when it opens). */
    static long dropsBetween(Map<Integer, Socket> before, Map<Integer, Socket> after) {
        long drops = 0;
        for (Map.Entry<Integer, Socket> socket : after.entrySet()) {
            Socket earlier = before.get(socket.getKey());
            if (earlier != null) {
                drops += Math.max(0, socket.getValue().drops() - earlier.drops());
            }
        }
        return drops;
    }

    /** Datagrams dropped between two readings at the socket on {@code port} (0 if it was not open at both). */
    static long dropsAt(int port, Map<Integer, Socket> before, Map<Integer, Socket> after) {
        Socket earlier = before.get(port);
        Socket later = after.get(port);
        return earlier == null || later == null ? 0 : Math.max(0, later.drops() - earlier.drops());
    }

    /** The sockets of one table's text; sockets sharing a port are added up. */
    static Map<Integer, Socket> parse(String table) {
        Map<Integer, Socket> sockets = new HashMap<>();
        for (String line : table.split("\n")) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length < 13 || !fields[0].endsWith(":")) {
                continue; // the header, or an empty line
            }
            String local = fields[1];
            int port = Integer.parseInt(local.substring(local.lastIndexOf(':') + 1), 16);
            String queues = fields[4];
            long queued = Long.parseLong(queues.substring(queues.indexOf(':') + 1), 16);
            long drops = Long.parseLong(fields[fields.length - 1]);
            sockets.merge(port, new Socket(queued, drops), UdpSocketTable::sum);
        }
        return sockets;
    }

    private static Socket sum(Socket a, Socket b) {
        return new Socket(a.queuedBytes() + b.queuedBytes(), a.drops() + b.drops());
    }
}
