package org.telehealth.scheduling.joinlink;

import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import org.jboss.logging.Logger;
import org.jose4j.jwk.EllipticCurveJsonWebKey;

/**
 * The key pair that signs patient join links, and its {@code kid}. Loaded once at startup, so a
 * configured key that cannot be used stops the service with a one-line reason instead of failing the
 * first booking. Without a configured key an ephemeral one is made: fine for a single dev instance,
 * wrong for production (links die at restart, and instances would not accept each other's links).
 */
@Startup
@Singleton
public class JoinLinkSigningKey {

    private static final Logger LOG = Logger.getLogger(JoinLinkSigningKey.class);
    private static final String LOCATION_KEY = "scheduling.join-link.signing-key-location";

    private final ECPrivateKey privateKey;
    private final ECPublicKey publicKey;
    private final String keyId;

    public JoinLinkSigningKey(JoinLinkConfig config) {
        KeyPair keys = config.signingKeyLocation()
                .map(JoinLinkSigningKey::readConfigured)
                .orElseGet(SigningKeyFile::generate);
        this.privateKey = (ECPrivateKey) keys.getPrivate();
        this.publicKey = (ECPublicKey) keys.getPublic();
        this.keyId = config.keyId().orElseGet(() -> thumbprintOf(publicKey));
        if (config.signingKeyLocation().isEmpty()) {
            LOG.warnf("No %s configured: patient join links are signed with an ephemeral key (kid %s). "
                    + "Links issued now stop working when this instance restarts, and several instances "
                    + "must share one configured key.", LOCATION_KEY, keyId);
        }
    }

    /** The public half, as published in the JWKS. */
    public ECPublicKey publicKey() {
        return publicKey;
    }

    /** The {@code kid} header of every link token and of the key's JWKS entry. */
    public String keyId() {
        return keyId;
    }

    ECPrivateKey privateKey() {
        return privateKey;
    }

    private static KeyPair readConfigured(Path location) {
        try {
            return SigningKeyFile.read(location);
        } catch (SigningKeyFile.InvalidSigningKeyException e) {
            throw new IllegalStateException("Unusable patient join link signing key " + location
                    + " (" + LOCATION_KEY + "): " + e.getMessage());
        }
    }

    private static String thumbprintOf(ECPublicKey publicKey) {
        return new EllipticCurveJsonWebKey(publicKey).calculateBase64urlEncodedThumbprint("SHA-256");
    }
}
