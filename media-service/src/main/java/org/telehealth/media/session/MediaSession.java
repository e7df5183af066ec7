package org.telehealth.media.session;

import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.telehealth.media.dtls.CertificateFingerprint;
import org.telehealth.media.dtls.DtlsHandshake;
import org.telehealth.media.dtls.DtlsIdentity;
import org.telehealth.media.dtls.SrtpKeyMaterial;
import org.telehealth.media.srtp.SrtpPacketBuffer;
import org.telehealth.media.srtp.SrtpSession;
import org.telehealth.media.stun.BindingOutcome;
import org.telehealth.media.stun.IceCredentials;
import org.telehealth.media.stun.IceLiteResponder;

/**
 * The transport of one participant's media: ICE-lite connectivity checks, the DTLS handshake that
 * yields SRTP keys, and SRTP protection, all on the instance's one UDP port. It learns the peer's
 * ICE ufrag and certificate fingerprint from the participant's SDP ({@link #expectPeer}), accepts
 * media only from addresses that passed an authenticated check, and sends to the nominated one.
 */
public final class MediaSession {

    /** Addresses a participant may validate (host, srflx, relay of both IP versions, with room). */
    static final int MAX_VALIDATED_ADDRESSES = 8;
    /** RFC 7675: without a successful check for this long, the peer no longer consents to media. */
    static final long CONSENT_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(30);
    /** A participant whose browser never completes a check within this time has failed to connect. */
    static final long CONNECT_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(60);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ICE_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();

    private final String id;
    private final IceCredentials localIce;
    private final IceLiteResponder responder;
    private final DtlsIdentity dtlsIdentity;
    private final Executor handshakes;
    private final PacketSender sender;
    private final Set<InetSocketAddress> validated = ConcurrentHashMap.newKeySet();
    private final AtomicReference<DtlsHandshake> handshake = new AtomicReference<>();
    private final CompletableFuture<SrtpSession> srtp = new CompletableFuture<>();
    private final MediaSessionStats stats = new MediaSessionStats();
    private final AtomicLong sdpVersion = new AtomicLong();
    private final long createdNanos = System.nanoTime();
    private volatile PeerIdentity peer;
    private volatile InetSocketAddress selected;
    private volatile long lastConsentNanos;
    private volatile boolean consented;
    private volatile boolean closed;

    /** Sends a datagram from the instance's UDP socket. */
    @FunctionalInterface
    public interface PacketSender {
        void send(byte[] data, int offset, int length, InetSocketAddress to);
    }

    /** What the participant's SDP says about its end of the transport. */
    public record PeerIdentity(String iceUfrag, CertificateFingerprint fingerprint) {
    }

    public MediaSession(String id, DtlsIdentity dtlsIdentity, Executor handshakes, PacketSender sender) {
        this.id = id;
        this.localIce = randomCredentials();
        this.responder = new IceLiteResponder(localIce);
        this.dtlsIdentity = dtlsIdentity;
        this.handshakes = handshakes;
        this.sender = sender;
    }

    public String id() {
        return id;
    }

    public IceCredentials localIce() {
        return localIce;
    }

    public MediaSessionStats stats() {
        return stats;
    }

    /** Completes when DTLS is done and media can flow. */
    public CompletableFuture<SrtpSession> connected() {
        return srtp;
    }

    public boolean isConnected() {
        return srtp.isDone() && !srtp.isCompletedExceptionally();
    }

    /** Whether a connectivity check ever succeeded. */
    public boolean hasConsented() {
        return consented;
    }

    /**
     * Whether the session should end at {@code nowNanos}: its browser stopped answering for
     * consent (RFC 7675), or never completed a connectivity check at all.
     */
    public boolean consentLapsed(long nowNanos) {
        return consented ? nowNanos - lastConsentNanos > CONSENT_TIMEOUT_NANOS : nowNanos - createdNanos > CONNECT_TIMEOUT_NANOS;
    }

    /** The o= line version of the next answer: it grows with each negotiation (RFC 8866 §5.2). */
    public long nextSdpVersion() {
        return sdpVersion.incrementAndGet();
    }

    /** Sets the peer's ICE ufrag and DTLS fingerprint from its SDP offer. */
    public void expectPeer(PeerIdentity peer) {
        this.peer = peer;
    }

    /**
     * Handles a STUN datagram whose USERNAME named this session. Returns the address to register
     * for this session when the check was accepted, so later DTLS and SRTP from there find it.
     */
    boolean onStun(byte[] data, int length, InetSocketAddress from) {
        BindingOutcome outcome = responder.respond(data, 0, length, from);
        if (outcome instanceof BindingOutcome.Accepted accepted) {
            PeerIdentity expected = peer;
            if (expected == null || !expected.iceUfrag().equals(accepted.remoteUfrag())) {
                stats.droppedStun();
                return false;
            }
            if (!validated.contains(from) && validated.size() >= MAX_VALIDATED_ADDRESSES) {
                stats.droppedStun();
                return false;
            }
            validated.add(from);
            lastConsentNanos = System.nanoTime();
            consented = true;
            if (accepted.useCandidate() || selected == null) {
                selected = from;
            }
            sender.send(accepted.response(), 0, accepted.response().length, from);
            return true;
        }
        if (outcome instanceof BindingOutcome.Rejected rejected && validated.contains(from)) {
            // Error answers go only where a check once succeeded: anyone who read the ufrag in the
            // SDP could otherwise bounce 401s off the SFU at a spoofed address.
            sender.send(rejected.response(), 0, rejected.response().length, from);
        }
        stats.droppedStun();
        return false;
    }

    /** Handles a DTLS datagram from a validated address; the first one starts the handshake. */
    void onDtls(byte[] data, int length) {
        PeerIdentity expected = peer;
        if (closed || expected == null) {
            stats.droppedDtls();
            return;
        }
        DtlsHandshake current = handshake.get();
        if (current == null) {
            DtlsHandshake fresh = new DtlsHandshake(dtlsIdentity, expected.fingerprint(), this::sendToSelected);
            if (handshake.compareAndSet(null, fresh)) {
                fresh.start(handshakes).whenComplete(this::onHandshakeDone);
            }
            current = handshake.get();
        }
        byte[] copy = new byte[length];
        System.arraycopy(data, 0, copy, 0, length);
        if (!current.receive(copy)) {
            stats.droppedDtls();
        }
    }

    /** Decrypts an SRTP or SRTCP datagram in place; false if it must be dropped. */
    boolean unprotect(SrtpPacketBuffer packet, boolean rtcp) {
        SrtpSession session = srtp.getNow(null);
        if (session == null) {
            return false;
        }
        return rtcp ? session.decryptRtcp(packet) : session.decryptRtp(packet);
    }

    /** Encrypts and sends a packet to the participant, if its transport is up. */
    public boolean protectAndSend(SrtpPacketBuffer packet, boolean rtcp) {
        SrtpSession session = srtp.getNow(null);
        InetSocketAddress to = selected;
        if (session == null || to == null || closed) {
            return false;
        }
        boolean ok = rtcp ? session.encryptRtcp(packet) : session.encryptRtp(packet);
        if (ok) {
            sender.send(packet.getBuffer(), packet.getOffset(), packet.getLength(), to);
        }
        return ok;
    }

    Set<InetSocketAddress> validatedAddresses() {
        return Set.copyOf(validated);
    }

    public void close() {
        closed = true;
        DtlsHandshake current = handshake.get();
        if (current != null) {
            current.close();
        }
        SrtpSession session = srtp.getNow(null);
        if (session != null) {
            session.close();
        }
        srtp.cancel(false);
    }

    private void sendToSelected(byte[] datagram) {
        InetSocketAddress to = selected;
        if (to != null) {
            sender.send(datagram, 0, datagram.length, to);
        }
    }

    private void onHandshakeDone(SrtpKeyMaterial keys, Throwable failure) {
        if (failure != null || closed) {
            srtp.completeExceptionally(failure != null ? failure : new IllegalStateException("closed"));
            return;
        }
        srtp.complete(SrtpSession.forServer(keys));
    }

    private static IceCredentials randomCredentials() {
        return new IceCredentials(randomIceString(8), randomIceString(24));
    }

    private static String randomIceString(int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = ICE_CHARS[RANDOM.nextInt(ICE_CHARS.length)];
        }
        return new String(chars);
    }
}
