package org.telehealth.media.dtls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The SHA-256 fingerprint of a DTLS certificate as SDP carries it ({@code a=fingerprint:sha-256
 * AB:CD:…}, RFC 8122). Each side learns the other's fingerprint through signaling and checks it
 * against the certificate presented in the handshake: this is what ties the media to the signaling
 * session that admitted the participant.
 */
public record CertificateFingerprint(String algorithm, String value) {

    public static final String SHA_256 = "sha-256";

    public CertificateFingerprint {
        algorithm = algorithm.toLowerCase(Locale.ROOT);
        value = value.toUpperCase(Locale.ROOT);
        if (!algorithm.equals(SHA_256)) {
            throw new IllegalArgumentException("only sha-256 fingerprints are accepted, got " + algorithm);
        }
        if (!value.matches("([0-9A-F]{2}:){31}[0-9A-F]{2}")) {
            throw new IllegalArgumentException("not a sha-256 fingerprint: " + value);
        }
    }

    /** The fingerprint of a DER-encoded certificate. */
    public static CertificateFingerprint of(byte[] derCertificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(derCertificate);
            return new CertificateFingerprint(SHA_256, HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** Parses the value of an SDP {@code a=fingerprint} attribute, e.g. {@code sha-256 AB:CD:…}. */
    public static CertificateFingerprint parse(String sdpValue) {
        String[] parts = sdpValue.trim().split("\\s+");
        if (parts.length != 2) {
            throw new IllegalArgumentException("a fingerprint is '<algorithm> <hex>', got: " + sdpValue);
        }
        return new CertificateFingerprint(parts[0], parts[1]);
    }

    /** Constant-time comparison, so a peer learns nothing from how long a mismatch takes. */
    public boolean matches(CertificateFingerprint other) {
        return algorithm.equals(other.algorithm) && MessageDigest.isEqual(value.getBytes(), other.value.getBytes());
    }

    /** The SDP attribute value. */
    @Override
    public String toString() {
        return algorithm + " " + value;
    }
}
