package org.telehealth.platform.process;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.telehealth.platform.PlatformException;

/** Refuses to start anything while a port the platform needs is taken, naming the port and its use. */
public final class PortGuard {

    private PortGuard() {
    }

    public static void requireFree(Map<String, Integer> portsByOwner) {
        portsByOwner.forEach((owner, port) -> {
            if (!isFree(port)) {
                throw new PlatformException("port " + port + " (" + owner + ") is already in use; stop what uses it"
                        + " or set TELEHEALTH_PORT_OFFSET to shift every port");
            }
        });
    }

    public static void requireFreeUdp(Map<String, Integer> portsByOwner) {
        portsByOwner.forEach((owner, port) -> {
            try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("localhost"), port))) {
                socket.getLocalPort();
            } catch (IOException e) {
                throw new PlatformException("UDP port " + port + " (" + owner + ") is already in use; stop what uses it"
                        + " or set TELEHEALTH_PORT_OFFSET to shift every port");
            }
        });
    }

    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true); // as the servers do: a closed connection in TIME_WAIT must not count as taken
            socket.bind(new InetSocketAddress(InetAddress.getByName("localhost"), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
