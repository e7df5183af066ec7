package org.telehealth.media.dtls;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.bouncycastle.tls.DTLSServerProtocol;
import org.bouncycastle.tls.DTLSTransport;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCryptoProvider;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;

/**
 * One participant's DTLS handshake, run on a worker thread because Bouncy Castle's DTLS engine
 * blocks while it waits for flights. The I/O thread feeds it datagrams through {@link #receive}; the
 * result is the SRTP key material, or a failure (wrong fingerprint, no common profile, timeout).
 */
public final class DtlsHandshake {

    private static final long RETRANSMISSION_WINDOW_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final QueuedDatagramTransport transport;
    private final DtlsSrtpServer server;
    private final CompletableFuture<SrtpKeyMaterial> result = new CompletableFuture<>();
    private volatile DTLSTransport established;

    /**
     * @param identity the media-service's certificate
     * @param expectedClientFingerprint the fingerprint from the participant's SDP
     * @param sender sends a DTLS datagram to the participant's selected address
     */
    public DtlsHandshake(DtlsIdentity identity, CertificateFingerprint expectedClientFingerprint, Consumer<byte[]> sender) {
        JcaTlsCrypto crypto = new JcaTlsCryptoProvider().create(new SecureRandom());
        this.transport = new QueuedDatagramTransport(sender);
        this.server = new DtlsSrtpServer(crypto, identity, expectedClientFingerprint);
    }

    /** Starts waiting for the client's hello on a thread of {@code executor}. */
    public CompletableFuture<SrtpKeyMaterial> start(Executor executor) {
        executor.execute(this::run);
        return result;
    }

    /** Hands over a DTLS datagram from the participant; false if it had to be dropped. */
    public boolean receive(byte[] datagram) {
        return transport.offer(datagram);
    }

    public CompletableFuture<SrtpKeyMaterial> result() {
        return result;
    }

    /** Ends the handshake or the established association (participant removed). */
    public void close() {
        transport.close();
        DTLSTransport association = established;
        if (association != null) {
            try {
                association.close();
            } catch (IOException ignored) {
                // the peer is gone anyway
            }
        }
        result.cancel(false);
    }

    private void run() {
        try {
            established = new DTLSServerProtocol().accept(server, transport);
            result.complete(server.keyMaterial().orElseThrow(() -> new IOException("handshake ended without SRTP keys")));
            answerRetransmissions(established);
        } catch (IOException | RuntimeException e) {
            transport.close();
            result.completeExceptionally(e);
        }
    }

    /**
     * If our last flight is lost, the browser resends its Finished and waits for ours again; Bouncy
     * Castle answers that only while someone reads. Read for a while, then free the thread: WebRTC
     * media needs nothing more from DTLS, and later records (close_notify) are dropped.
     */
    private static void answerRetransmissions(DTLSTransport association) {
        byte[] buffer = new byte[QueuedDatagramTransport.MTU];
        long until = System.nanoTime() + RETRANSMISSION_WINDOW_NANOS;
        try {
            while (System.nanoTime() < until) {
                association.receive(buffer, 0, buffer.length, 500);
            }
        } catch (IOException ignored) {
            // the peer closed or sent an alert: nothing left to answer
        }
    }
}
