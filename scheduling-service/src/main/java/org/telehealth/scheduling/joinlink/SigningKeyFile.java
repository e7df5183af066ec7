package org.telehealth.scheduling.joinlink;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.EllipticCurve;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.KeyAgreement;

/**
 * Reads the join link signing key, an EC P-256 private key in a PKCS#8 PEM file ({@code openssl
 * genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256}), and makes its public half, which the JWKS
 * publishes. The JDK cannot derive a public key from a private one, and pulling in BouncyCastle for
 * that is not worth it: ECDH of the private scalar with the curve's generator yields the public
 * point's x (computed by the JDK, in constant time), the curve equation gives y up to its sign, and a
 * test signature picks the right one. Every failure is a {@link InvalidSigningKeyException} with a
 * one-line reason; the key material itself never appears in a message.
 */
final class SigningKeyFile {

    private static final Pattern PKCS8_PEM =
            Pattern.compile("-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");

    private SigningKeyFile() {
    }

    /** Why a configured signing key cannot be used. */
    static final class InvalidSigningKeyException extends RuntimeException {
        InvalidSigningKeyException(String reason) {
            super(reason);
        }
    }

    static KeyPair read(Path file) {
        String pem;
        try {
            pem = Files.readString(file);
        } catch (IOException | SecurityException e) {
            throw new InvalidSigningKeyException("cannot read the file (" + e.getClass().getSimpleName() + ")");
        }
        return fromPem(pem);
    }

    static KeyPair fromPem(String pem) {
        Matcher block = PKCS8_PEM.matcher(pem);
        if (!block.find()) {
            throw new InvalidSigningKeyException(pem.contains("BEGIN EC PRIVATE KEY")
                    ? "a SEC1 'EC PRIVATE KEY'; convert it with: openssl pkcs8 -topk8 -nocrypt"
                    : "no unencrypted PKCS#8 'PRIVATE KEY' PEM block");
        }
        ECPrivateKey privateKey = decode(block.group(1));
        ECParameterSpec p256 = p256();
        if (!sameCurve(privateKey.getParams(), p256)) {
            throw new InvalidSigningKeyException("an EC key, but not on curve P-256");
        }
        return new KeyPair(publicKeyOf(privateKey, p256), privateKey);
    }

    static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC P-256 is not available in this JVM", e);
        }
    }

    private static ECPrivateKey decode(String base64) {
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new InvalidSigningKeyException("the PEM block is not valid base64");
        }
        try {
            return (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new InvalidSigningKeyException("not a PKCS#8 EC private key");
        }
    }

    private static ECPublicKey publicKeyOf(ECPrivateKey privateKey, ECParameterSpec p256) {
        try {
            KeyFactory factory = KeyFactory.getInstance("EC");
            KeyAgreement ecdh = KeyAgreement.getInstance("ECDH");
            ecdh.init(privateKey);
            ecdh.doPhase(factory.generatePublic(new ECPublicKeySpec(p256.getGenerator(), p256)), true);
            BigInteger x = new BigInteger(1, ecdh.generateSecret());

            EllipticCurve curve = p256.getCurve();
            BigInteger prime = ((ECFieldFp) curve.getField()).getP();
            BigInteger ySquared = x.pow(3).add(curve.getA().multiply(x)).add(curve.getB()).mod(prime);
            // P-256's prime is 3 mod 4, so a square root is ySquared^((p+1)/4).
            BigInteger y = ySquared.modPow(prime.add(BigInteger.ONE).shiftRight(2), prime);
            for (BigInteger candidate : List.of(y, prime.subtract(y))) {
                PublicKey publicKey = factory.generatePublic(new ECPublicKeySpec(new ECPoint(x, candidate), p256));
                if (verifiesSignatureOf(privateKey, publicKey)) {
                    return (ECPublicKey) publicKey;
                }
            }
        } catch (GeneralSecurityException e) {
            throw new InvalidSigningKeyException(
                    "its public key cannot be derived (" + e.getClass().getSimpleName() + ")");
        }
        throw new InvalidSigningKeyException("its public key cannot be derived");
    }

    private static boolean verifiesSignatureOf(PrivateKey privateKey, PublicKey publicKey)
            throws GeneralSecurityException {
        byte[] probe = "join-link signing key self-test".getBytes(StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(privateKey);
        signer.update(probe);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(publicKey);
        verifier.update(probe);
        return verifier.verify(signature);
    }

    private static boolean sameCurve(ECParameterSpec a, ECParameterSpec b) {
        return a.getCurve().equals(b.getCurve())
                && a.getGenerator().equals(b.getGenerator())
                && a.getOrder().equals(b.getOrder());
    }

    private static ECParameterSpec p256() {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC P-256 is not available in this JVM", e);
        }
    }
}
