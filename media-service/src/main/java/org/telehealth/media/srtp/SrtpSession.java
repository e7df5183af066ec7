package org.telehealth.media.srtp;

import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jitsi.srtp.SrtcpCryptoContext;
import org.jitsi.srtp.SrtpContextFactory;
import org.jitsi.srtp.SrtpCryptoContext;
import org.jitsi.srtp.SrtpErrorStatus;
import org.jitsi.srtp.SrtpPolicy;
import org.jitsi.utils.logging2.LoggerImpl;
import org.telehealth.media.dtls.SrtpKeyMaterial;
import org.telehealth.media.dtls.SrtpProfile;

/**
 * SRTP and SRTCP protection of one participant's media, both directions, with the keys of its DTLS
 * handshake (jitsi-srtp does the cryptography). Inbound packets are authenticated and decrypted in
 * place, with replay protection; outbound packets are encrypted in place. Every method answers
 * {@code false} for a packet that must be dropped (too short, forged, replayed) instead of throwing.
 *
 * <p>Packets arrive on the socket's one reader thread, which also sends the media; the SFU's own
 * RTCP also leaves from the feedback timer and the DTLS threads, so RTCP encryption is serialized
 * (an SRTCP context keeps an index and ciphers that must not be used by two threads at once).
 */
public final class SrtpSession implements AutoCloseable {

    /** SSRCs one participant may send from: audio, video layers, RTX and screen share fit easily. */
    static final int MAX_STREAMS_PER_DIRECTION = 64;
    private static final int RTP_HEADER = 12;
    private static final int RTCP_HEADER = 8;

    private final SrtpContextFactory inboundFactory;
    private final SrtpContextFactory outboundFactory;
    private final Map<Integer, SrtpCryptoContext> inboundRtp = new ConcurrentHashMap<>();
    private final Map<Integer, SrtcpCryptoContext> inboundRtcp = new ConcurrentHashMap<>();
    private final Map<Integer, SrtpCryptoContext> outboundRtp = new ConcurrentHashMap<>();
    private final Map<Integer, SrtcpCryptoContext> outboundRtcp = new ConcurrentHashMap<>();

    private SrtpSession(SrtpProfile profile, byte[] inKey, byte[] inSalt, byte[] outKey, byte[] outSalt) {
        LoggerImpl logger = new LoggerImpl(SrtpSession.class.getName());
        this.inboundFactory = new SrtpContextFactory(false, inKey, inSalt, policy(profile, true), policy(profile, true), logger);
        this.outboundFactory = new SrtpContextFactory(true, outKey, outSalt, policy(profile, false), policy(profile, false), logger);
    }

    /** The SFU's session: it is the DTLS server, so it decrypts with the client's keys. */
    public static SrtpSession forServer(SrtpKeyMaterial keys) {
        return new SrtpSession(keys.profile(), keys.clientKey(), keys.clientSalt(), keys.serverKey(), keys.serverSalt());
    }

    /** A browser's view of the same keys: for tests and the load generator, which play the browser. */
    public static SrtpSession forClient(SrtpKeyMaterial keys) {
        return new SrtpSession(keys.profile(), keys.serverKey(), keys.serverSalt(), keys.clientKey(), keys.clientSalt());
    }

    public boolean decryptRtp(SrtpPacketBuffer packet) {
        if (packet.getLength() < RTP_HEADER) {
            return false;
        }
        int ssrc = readInt(packet, 8);
        boolean fresh = !inboundRtp.containsKey(ssrc);
        SrtpCryptoContext context = rtpContext(inboundRtp, inboundFactory, ssrc);
        if (context == null) {
            return false;
        }
        boolean ok = run(() -> context.reverseTransformPacket(packet, false));
        if (!ok && fresh) {
            inboundRtp.remove(ssrc); // a forged packet must not take a slot
        }
        return ok;
    }

    public boolean decryptRtcp(SrtpPacketBuffer packet) {
        if (packet.getLength() < RTCP_HEADER) {
            return false;
        }
        int ssrc = readInt(packet, 4);
        boolean fresh = !inboundRtcp.containsKey(ssrc);
        SrtcpCryptoContext context = rtcpContext(inboundRtcp, inboundFactory, ssrc);
        if (context == null) {
            return false;
        }
        boolean ok = run(() -> context.reverseTransformPacket(packet));
        if (!ok && fresh) {
            inboundRtcp.remove(ssrc);
        }
        return ok;
    }

    public boolean encryptRtp(SrtpPacketBuffer packet) {
        if (packet.getLength() < RTP_HEADER) {
            return false;
        }
        SrtpCryptoContext context = rtpContext(outboundRtp, outboundFactory, readInt(packet, 8));
        return context != null && run(() -> context.transformPacket(packet));
    }

    public synchronized boolean encryptRtcp(SrtpPacketBuffer packet) {
        if (packet.getLength() < RTCP_HEADER) {
            return false;
        }
        SrtcpCryptoContext context = rtcpContext(outboundRtcp, outboundFactory, readInt(packet, 4));
        return context != null && run(() -> context.transformPacket(packet));
    }

    @Override
    public void close() {
        inboundFactory.close();
        outboundFactory.close();
        inboundRtp.clear();
        inboundRtcp.clear();
        outboundRtp.clear();
        outboundRtcp.clear();
    }

    private static SrtpCryptoContext rtpContext(Map<Integer, SrtpCryptoContext> contexts, SrtpContextFactory factory, int ssrc) {
        SrtpCryptoContext context = contexts.get(ssrc);
        if (context != null || contexts.size() >= MAX_STREAMS_PER_DIRECTION) {
            return context;
        }
        return contexts.computeIfAbsent(ssrc, s -> derive(() -> factory.deriveContext(s, 0)));
    }

    private static SrtcpCryptoContext rtcpContext(Map<Integer, SrtcpCryptoContext> contexts, SrtpContextFactory factory, int ssrc) {
        SrtcpCryptoContext context = contexts.get(ssrc);
        if (context != null || contexts.size() >= MAX_STREAMS_PER_DIRECTION) {
            return context;
        }
        return contexts.computeIfAbsent(ssrc, s -> derive(() -> factory.deriveControlContext(s)));
    }

    private static SrtpPolicy policy(SrtpProfile profile, boolean inbound) {
        SrtpPolicy policy = switch (profile) {
            case AEAD_AES_128_GCM -> new SrtpPolicy(SrtpPolicy.AESGCM_ENCRYPTION, profile.keyLength(),
                    SrtpPolicy.NULL_AUTHENTICATION, 0, 16, profile.saltLength());
            case AES128_CM_HMAC_SHA1_80 -> new SrtpPolicy(SrtpPolicy.AESCM_ENCRYPTION, profile.keyLength(),
                    SrtpPolicy.HMACSHA1_AUTHENTICATION, 20, 10, profile.saltLength());
        };
        policy.setReceiveReplayEnabled(inbound);
        // The SFU may send a packet again (NACK answered without RTX): that is not an attack.
        policy.setSendReplayEnabled(false);
        return policy;
    }

    private static int readInt(SrtpPacketBuffer packet, int at) {
        byte[] b = packet.getBuffer();
        int i = packet.getOffset() + at;
        return (b[i] & 0xff) << 24 | (b[i + 1] & 0xff) << 16 | (b[i + 2] & 0xff) << 8 | (b[i + 3] & 0xff);
    }

    private interface Transform {
        SrtpErrorStatus apply() throws GeneralSecurityException;
    }

    private interface Derivation<T> {
        T apply() throws GeneralSecurityException;
    }

    private static boolean run(Transform transform) {
        try {
            return transform.apply() == SrtpErrorStatus.OK;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static <T> T derive(Derivation<T> derivation) {
        try {
            return derivation.apply();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot derive an SRTP context", e);
        }
    }
}
