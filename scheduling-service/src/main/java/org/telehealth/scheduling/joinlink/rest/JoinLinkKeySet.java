package org.telehealth.scheduling.joinlink.rest;

import java.math.BigInteger;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The JWKS (RFC 7517) of the join link signing keys. Its members are spelled out, so nothing but the
 * public point can ever be published: there is no field a private scalar could land in.
 */
public record JoinLinkKeySet(List<Key> keys) {

    /** One EC P-256 public key that signs join links with ES256. */
    public record Key(String kty, String crv, String x, String y, String kid, String alg, String use) {

        static Key of(ECPublicKey publicKey, String keyId) {
            return new Key("EC", "P-256", coordinate(publicKey.getW().getAffineX()),
                    coordinate(publicKey.getW().getAffineY()), keyId, "ES256", "sig");
        }

        /** RFC 7518 §6.2.1.2: the coordinate as 32 big-endian bytes, base64url without padding. */
        private static String coordinate(BigInteger value) {
            byte[] bytes = value.toByteArray();
            byte[] fixed = new byte[32];
            int length = Math.min(bytes.length, fixed.length);
            System.arraycopy(bytes, bytes.length - length, fixed, fixed.length - length, length);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(fixed);
        }
    }

    static JoinLinkKeySet of(ECPublicKey publicKey, String keyId) {
        return new JoinLinkKeySet(List.of(Key.of(publicKey, keyId)));
    }
}
