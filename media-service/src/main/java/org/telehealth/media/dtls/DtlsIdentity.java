package org.telehealth.media.dtls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The media-service's DTLS certificate: a fresh self-signed ECDSA P-256 key pair, as browsers use.
 * WebRTC does not trust certificates through a CA; the fingerprint sent in the SDP answer is the
 * trust anchor, so the certificate is generated at start and never stored.
 */
public final class DtlsIdentity {

    private final PrivateKey privateKey;
    private final byte[] certificate;
    private final CertificateFingerprint fingerprint;

    private DtlsIdentity(PrivateKey privateKey, byte[] certificate) {
        this.privateKey = privateKey;
        this.certificate = certificate;
        this.fingerprint = CertificateFingerprint.of(certificate);
    }

    /** Generates a new identity valid for {@code validity} from one day ago (clock skew). */
    public static DtlsIdentity generate(Duration validity) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            KeyPair keys = generator.generateKeyPair();
            Instant now = Instant.now();
            X500Name subject = new X500Name("CN=telehealth-media");
            X509CertificateHolder holder = new JcaX509v3CertificateBuilder(subject,
                    new BigInteger(64, new SecureRandom()).abs(),
                    Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(validity)), subject, keys.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()));
            return new DtlsIdentity(keys.getPrivate(), holder.getEncoded());
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot generate the DTLS certificate", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    PrivateKey privateKey() {
        return privateKey;
    }

    /** The DER-encoded certificate. */
    public byte[] certificate() {
        return certificate.clone();
    }

    public CertificateFingerprint fingerprint() {
        return fingerprint;
    }
}
