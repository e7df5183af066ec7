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
 *
 * <p>ICE restart (RFC 8445 §9): an offer with a new ice-ufrag starts a new ICE generation. The
 * session takes new local credentials for it ({@link #restartIce}; the answer carries them, as JSEP
 * asks of an answerer), and the first check of the new generation that succeeds replaces the
 * addresses validated before, which stop being trusted, and becomes the address media goes to.
 * DTLS and SRTP carry on: only the path changes.
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
    private volatile IceCredentials localIce;
    private volatile IceLiteResponder responder;
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
    /** The peer's ufrag of the checks that validated the addresses in {@code validated}: their ICE generation. */
    private volatile String validatedUfrag;
    private volatile InetSocketAddress selected;
    private volatile long lastConsentNanos;
    private volatile boolean consented;
    private volatile boolean closed;

    /** Sends a datagram from the instance's UDP socket. */
    @FunctionalInterface
    public interface PacketSender {
        void send(byte[] data, int offset, int length, InetSocketAddress to);
    }

    /** What a connectivity check came to. */
    enum CheckOutcome {
        /** Not answered, or answered with an error: the address is not validated. */
        REFUSED,
        /** Answered: the address is validated for this session. */
        ACCEPTED,
        /** Answered, and the first of a new ICE generation: the addresses validated before are not any more. */
        ACCEPTED_NEW_GENERATION
    }

    /** What the participant's SDP says about its end of the transport. */
    public record PeerIdentity(String iceUfrag, CertificateFingerprint fingerprint) {
    }

    public MediaSession(String id, DtlsIdentity dtlsIdentity, Executor handshakes, PacketSender sender) {
        this.id = id;
        this.localIce = newIceCredentials();
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

    /** Random local ICE credentials: 8 ice-chars of ufrag, 24 of password (RFC 8839 asks at least 4 and 22). */
    public static IceCredentials newIceCredentials() {
        return new IceCredentials(randomIceString(8), randomIceString(24));
    }

    /** Whether an offer with this ice-ufrag restarts ICE: the peer announced another one before. */
    public boolean restartsIce(String offeredUfrag) {
        PeerIdentity current = peer;
        return current != null && !current.iceUfrag().equals(offeredUfrag);
    }

    /**
     * Answers checks with {@code fresh} local credentials from now on, for the peer's new ICE
     * generation; checks naming the earlier ufrag no longer reach this session (the directory is
     * re-keyed by {@link MediaTransport#restartIce}).
     */
    void restartIce(IceCredentials fresh) {
        responder = new IceLiteResponder(fresh);
        localIce = fresh;
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
     * Handles a STUN datagram whose USERNAME named this session. An accepted check validates its
     * source address, so that later DTLS and SRTP from there find the session; the first accepted
     * check of a new ICE generation drops the addresses of the earlier one.
     */
    CheckOutcome onStun(byte[] data, int length, InetSocketAddress from) {
        BindingOutcome outcome = responder.respond(data, 0, length, from);
        if (outcome instanceof BindingOutcome.Accepted accepted) {
            PeerIdentity expected = peer;
            if (expected == null || !expected.iceUfrag().equals(accepted.remoteUfrag())) {
                stats.droppedStun();
                return CheckOutcome.REFUSED;
            }
            boolean newGeneration = !accepted.remoteUfrag().equals(validatedUfrag);
            if (newGeneration) {
                validated.clear();
                validatedUfrag = accepted.remoteUfrag();
            } else if (!validated.contains(from) && validated.size() >= MAX_VALIDATED_ADDRESSES) {
                stats.droppedStun();
                return CheckOutcome.REFUSED;
            }
            validated.add(from);
            lastConsentNanos = System.nanoTime();
            consented = true;
            if (accepted.useCandidate() || newGeneration || selected == null) {
                selected = from;
            }
            sender.send(accepted.response(), 0, accepted.response().length, from);
            return newGeneration ? CheckOutcome.ACCEPTED_NEW_GENERATION : CheckOutcome.ACCEPTED;
        }
        if (outcome instanceof BindingOutcome.Rejected rejected && validated.contains(from)) {
            // Error answers go only where a check once succeeded: anyone who read the ufrag in the
            // SDP could otherwise bounce 401s off the SFU at a spoofed address.
            sender.send(rejected.response(), 0, rejected.response().length, from);
        }
        stats.droppedStun();
        return CheckOutcome.REFUSED;
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

    private static String randomIceString(int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = ICE_CHARS[RANDOM.nextInt(ICE_CHARS.length)];
        }
        return new String(chars);
    }
}
