package org.telehealth.media.session;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.telehealth.media.dtls.DtlsIdentity;
import org.telehealth.media.stun.IceCredentials;
import org.telehealth.media.transport.MediaTransportConfig;
import org.telehealth.media.transport.UdpMediaSocket;

/**
 * The instance's media transport: its UDP socket, the DTLS certificate it presents, the directory
 * of participants' sessions and the threads that run DTLS handshakes. Opened at start, closed at
 * shutdown; sessions are created here so that they all share the socket.
 */
@ApplicationScoped
public class MediaTransport {

    private final MediaTransportConfig config;
    private final MediaSessionDirectory directory = new MediaSessionDirectory();
    private final DtlsIdentity identity = DtlsIdentity.generate(Duration.ofDays(30));
    private final ExecutorService handshakes = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "dtls-handshake");
        thread.setDaemon(true);
        return thread;
    });
    private volatile UdpMediaSocket socket;
    private volatile InboundDatagramRouter router;
    private volatile InboundDatagramRouter.MediaSink sink = (from, packet, rtcp) -> { };

    public MediaTransport(MediaTransportConfig config) {
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        open();
    }

    void stop(@Observes ShutdownEvent event) {
        if (socket != null) {
            socket.close();
        }
        handshakes.shutdownNow();
    }

    /** Creates a participant's session on this instance's socket and makes it reachable. */
    public MediaSession newSession(String id) {
        MediaSession session = new MediaSession(id, identity, handshakes, socket()::send);
        directory.register(session);
        return session;
    }

    /**
     * ICE restart: the session answers to {@code fresh} local credentials from now on, and checks
     * reach it by their ufrag; checks naming the earlier one find no session.
     */
    public void restartIce(MediaSession session, IceCredentials fresh) {
        String earlier = session.localIce().ufrag();
        session.restartIce(fresh);
        directory.rekey(session, earlier);
    }

    public void closeSession(MediaSession session) {
        directory.remove(session);
        session.close();
    }

    /** Where decrypted media goes: the room forwarder, set once it exists (it depends on the rooms). */
    public void deliverMediaTo(InboundDatagramRouter.MediaSink sink) {
        this.sink = sink;
    }

    public DtlsIdentity identity() {
        return identity;
    }

    /** The address and port browsers are told to send to (an ICE host candidate). */
    public InetSocketAddress advertisedAddress() {
        try {
            String host = config.advertisedAddress().orElse(config.bindAddress());
            return new InetSocketAddress(InetAddress.getByName(host), socket().localAddress().getPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Datagrams received on the media port since start. */
    public long datagramsReceived() {
        return socket().datagramsReceived();
    }

    public InboundDatagramRouter router() {
        socket();
        return router;
    }

    private synchronized void open() {
        if (socket != null) {
            return;
        }
        try {
            router = new InboundDatagramRouter(directory, (from, packet, rtcp) -> sink.accept(from, packet, rtcp));
            socket = UdpMediaSocket.open(new InetSocketAddress(InetAddress.getByName(config.bindAddress()), config.port()),
                    config.socketBufferBytes(), router);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private UdpMediaSocket socket() {
        if (socket == null) {
            open();
        }
        return socket;
    }
}
