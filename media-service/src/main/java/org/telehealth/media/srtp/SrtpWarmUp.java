package org.telehealth.media.srtp;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.security.SecureRandom;
import org.jboss.logging.Logger;
import org.telehealth.media.dtls.SrtpKeyMaterial;
import org.telehealth.media.dtls.SrtpProfile;

/**
 * Protects and unprotects one throwaway packet per SRTP profile at start-up. jitsi-srtp picks its
 * AES implementation by timing the candidates the first time a context is derived, which takes
 * seconds; done here, before the service reports ready, instead of on the media thread when the
 * first participant's first packet arrives (which stalled every participant's media for as long).
 */
@ApplicationScoped
public class SrtpWarmUp {

    private static final Logger LOG = Logger.getLogger(SrtpWarmUp.class);

    void warmUp(@Observes StartupEvent started) {
        long begin = System.nanoTime();
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
