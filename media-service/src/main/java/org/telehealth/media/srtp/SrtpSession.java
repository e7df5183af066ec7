package org.telehealth.media.srtp;

import java.security.GeneralSecurityException;
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
    private final ContextsBySsrc<SrtpCryptoContext> inboundRtp = new ContextsBySsrc<>(MAX_STREAMS_PER_DIRECTION);
    private final ContextsBySsrc<SrtcpCryptoContext> inboundRtcp = new ContextsBySsrc<>(MAX_STREAMS_PER_DIRECTION);
    private final ContextsBySsrc<SrtpCryptoContext> outboundRtp = new ContextsBySsrc<>(MAX_STREAMS_PER_DIRECTION);
    private final ContextsBySsrc<SrtcpCryptoContext> outboundRtcp = new ContextsBySsrc<>(MAX_STREAMS_PER_DIRECTION);

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
        SrtpCryptoContext context = inboundRtp.get(ssrc);
        boolean fresh = context == null;
        if (fresh) {
            context = inboundRtp.getOrAdd(ssrc, s -> derive(() -> inboundFactory.deriveContext(s, 0)));
            if (context == null) {
                return false;
            }
        }
        boolean ok;
        try {
            ok = context.reverseTransformPacket(packet, false) == SrtpErrorStatus.OK;
        } catch (GeneralSecurityException | RuntimeException e) {
            ok = false;
        }
        if (!ok && fresh) {
            inboundRtp.remove(ssrc, context); // a forged packet must not take a slot
        }
        return ok;
    }

    public boolean decryptRtcp(SrtpPacketBuffer packet) {
        if (packet.getLength() < RTCP_HEADER) {
            return false;
        }
        int ssrc = readInt(packet, 4);
        SrtcpCryptoContext context = inboundRtcp.get(ssrc);
        boolean fresh = context == null;
        if (fresh) {
            context = inboundRtcp.getOrAdd(ssrc, s -> derive(() -> inboundFactory.deriveControlContext(s)));
            if (context == null) {
                return false;
            }
        }
        boolean ok;
        try {
            ok = context.reverseTransformPacket(packet) == SrtpErrorStatus.OK;
        } catch (GeneralSecurityException | RuntimeException e) {
            ok = false;
        }
        if (!ok && fresh) {
            inboundRtcp.remove(ssrc, context);
        }
        return ok;
    }

    public boolean encryptRtp(SrtpPacketBuffer packet) {
        if (packet.getLength() < RTP_HEADER) {
            return false;
        }
        int ssrc = readInt(packet, 8);
        SrtpCryptoContext context = outboundRtp.get(ssrc);
        if (context == null) {
            context = outboundRtp.getOrAdd(ssrc, s -> derive(() -> outboundFactory.deriveContext(s, 0)));
            if (context == null) {
                return false;
            }
        }
        try {
            return context.transformPacket(packet) == SrtpErrorStatus.OK;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    public synchronized boolean encryptRtcp(SrtpPacketBuffer packet) {
        if (packet.getLength() < RTCP_HEADER) {
            return false;
        }
        int ssrc = readInt(packet, 4);
        SrtcpCryptoContext context = outboundRtcp.getOrAdd(ssrc, s -> derive(() -> outboundFactory.deriveControlContext(s)));
        if (context == null) {
            return false;
        }
        try {
            return context.transformPacket(packet) == SrtpErrorStatus.OK;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
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

    private interface Derivation<T> {
        T apply() throws GeneralSecurityException;
    }

    private static <T> T derive(Derivation<T> derivation) {
        try {
            return derivation.apply();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot derive an SRTP context", e);
        }
    }
}
