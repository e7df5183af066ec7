package org.telehealth.media.srtp;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.security.SecureRandom;
import org.jboss.logging.Logger;
import org.jitsi.srtp.crypto.Aes;
import org.telehealth.media.dtls.SrtpKeyMaterial;
import org.telehealth.media.dtls.SrtpProfile;

/**
 * Chooses jitsi-srtp's AES implementation and protects and unprotects one throwaway packet per SRTP
 * profile at start-up, before the service reports ready, instead of on the media thread when the
 * first participant's first packet arrives (which stalled every participant's media for seconds).
 *
 * <p>Left to itself, jitsi-srtp picks its AES implementation by timing the candidates the first
 * time a context is derived, in a JVM that has compiled nothing yet: seconds of work, and a choice
 * that changed from one start to the next on the same machine. Measured once warm (1,100-byte
 * packets, JDK 17, AES-GCM and AES-CM with HMAC alike), OpenSSL and the JDK's own AES take the
 * same time per packet, but the JDK's leaves about 2 KB of garbage per packet protected and
 * unprotected against 0.2 KB: so OpenSSL, as {@link #AES_IMPLEMENTATION}. jitsi-srtp still checks
 * that it works, and falls back to timing the others if it does not (no OpenSSL library).
 */
@ApplicationScoped
public class SrtpWarmUp {

    /** jitsi-srtp's name of the AES implementation the SFU asks for (its {@code Aes.setFactoryClassName}). */
    static final String AES_IMPLEMENTATION = "OpenSSL";

    private static final Logger LOG = Logger.getLogger(SrtpWarmUp.class);

    void warmUp(@Observes StartupEvent started) {
        long begin = System.nanoTime();
        Aes.setFactoryClassName(AES_IMPLEMENTATION);
        SecureRandom random = new SecureRandom();
        for (SrtpProfile profile : SrtpProfile.values()) {
            SrtpKeyMaterial keys = new SrtpKeyMaterial(profile, bytes(random, profile.keyLength()),
                    bytes(random, profile.saltLength()), bytes(random, profile.keyLength()), bytes(random, profile.saltLength()));
            try (SrtpSession sender = SrtpSession.forClient(keys); SrtpSession receiver = SrtpSession.forServer(keys)) {
                byte[] rtp = new byte[12 + 160];
                rtp[0] = (byte) 0x80;
                rtp[1] = 111;
                rtp[11] = 1;
                SrtpPacketBuffer packet = SrtpPacketBuffer.copyOf(rtp, 0, rtp.length);
                if (!sender.encryptRtp(packet) || !receiver.decryptRtp(packet)) {
                    LOG.warnf("SRTP warm-up with %s did not round-trip", profile);
                }
            }
        }
        LOG.infof("SRTP ready in %d ms", (System.nanoTime() - begin) / 1_000_000);
    }

    private static byte[] bytes(SecureRandom random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
