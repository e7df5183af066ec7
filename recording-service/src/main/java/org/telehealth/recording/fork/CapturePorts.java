package org.telehealth.recording.fork;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.concurrent.atomic.AtomicInteger;
import org.telehealth.recording.session.CaptureConfig;
import org.telehealth.recording.session.CaptureException;

/**
 * The UDP sockets captures receive their fork on: one per running capture, bound to
 * {@code recording.capture.bind-address} on a free port of {@code first-port}..{@code last-port}
 * (the range the network policy opens to the media nodes), or any free port when
 * {@code first-port} is 0. Ports are tried from where the last search ended, so a port just freed
 * is not handed out again at once.
 */
@ApplicationScoped
public class CapturePorts {

    private final InetAddress bindAddress;
    private final int first;
    private final int count;
    private final AtomicInteger next = new AtomicInteger();

    public CapturePorts(CaptureConfig config) {
        try {
            this.bindAddress = InetAddress.getByName(config.bindAddress());
        } catch (UnknownHostException e) {
            throw new IllegalStateException("recording.capture.bind-address " + config.bindAddress() + " is not an address here", e);
        }
        this.first = config.firstPort();
        if (first != 0 && (first < 1024 || config.lastPort() < first || config.lastPort() > 65535)) {
            throw new IllegalStateException("recording.capture.first-port and last-port must be a range of UDP ports in"
                    + " 1024..65535 (or first-port 0 for any free port), not " + first + ".." + config.lastPort());
        }
        this.count = first == 0 ? 1 : config.lastPort() - first + 1;
    }

    /** A socket bound to a free capture port; the capture closes it. */
    public DatagramSocket bind() throws CaptureException {
        int start = next.getAndIncrement();
        for (int i = 0; i < count; i++) {
            int port = first == 0 ? 0 : first + Math.floorMod(start + i, count);
            DatagramSocket socket;
            try {
                socket = new DatagramSocket(null);
            } catch (SocketException e) {
                throw new CaptureException("cannot open a UDP socket: " + e.getMessage(), e);
            }
            try {
                socket.bind(new InetSocketAddress(bindAddress, port));
                next.set(start + i + 1);
                return socket;
            } catch (IOException inUse) {
                socket.close();
            }
        }
        throw new CaptureException(first == 0 ? "no UDP port is free on " + bindAddress.getHostAddress()
                : "every capture port (" + first + ".." + (first + count - 1) + ") is in use: too many recordings run here");
    }
}
