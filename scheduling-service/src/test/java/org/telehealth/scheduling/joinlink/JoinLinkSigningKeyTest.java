package org.telehealth.scheduling.joinlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JoinLinkSigningKeyTest {

    /** A throw-away key made for this test by {@code openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256}. */
    private static final String OPENSSL_KEY = """
            -----BEGIN PRIVATE KEY-----
            MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgV2/Nw6HKBRHanMzE
            pWPtewwA5bPP2AhOswtGitnxbROhRANCAAQQfnBKYY8t+kv4tToC7rIj3jgdC2HD
            Q663LmioRRii1R/D44cYvP4OndP1o+GPVvW/9azXCQEtDfCiPwM3DAxN
            -----END PRIVATE KEY-----
            """;
    /** Its public point, as {@code openssl pkey -pubout} prints it. */
    private static final BigInteger OPENSSL_X = new BigInteger("107e704a618f2dfa4bf8b53a02eeb223de381d0b61c343aeb72e68a84518a2d5", 16);
    private static final BigInteger OPENSSL_Y = new BigInteger("1fc3e38718bcfe0e9dd3f5a3e18f56f5bff5acd709012d0df0a23f03370c0c4d", 16);

    private static final String LOCATION_KEY = "scheduling.join-link.signing-key-location";

    @TempDir
    Path dir;

    @Test
    void shouldSignWithTheConfiguredPemKey() throws Exception {
        KeyPair configured = generate("EC", new ECGenParameterSpec("secp256r1"));
        Path file = writePem(configured);

        JoinLinkSigningKey key = new JoinLinkSigningKey(JoinLinkTestConfig.defaults().withSigningKey(file));
        String token = new JoinLinkIssuer(JoinLinkTestConfig.defaults(), key)
                .issue(UUID.randomUUID(), UUID.randomUUID(), Instant.parse("2030-01-01T10:00:00Z"),
                        Instant.parse("2030-01-01T10:20:00Z"), 0)
                .token();

        assertThat(key.publicKey().getW()).isEqualTo(((ECPublicKey) configured.getPublic()).getW());
        assertThat(JoinLinkVerifier.forKey((ECPublicKey) configured.getPublic(), "telehealth-scheduling",
                "telehealth-visit", Clock.fixed(Instant.parse("2030-01-01T10:00:00Z"), ZoneOffset.UTC))
                .verify(token).generation()).isZero();
    }

    @Test
    void shouldDeriveThePublicKeyOpensslComputesForAnOpensslKey() throws IOException {
        Path file = Files.writeString(dir.resolve("openssl.pem"), OPENSSL_KEY);

        JoinLinkSigningKey key = new JoinLinkSigningKey(JoinLinkTestConfig.defaults().withSigningKey(file));

        assertThat(key.publicKey().getW().getAffineX()).isEqualTo(OPENSSL_X);
        assertThat(key.publicKey().getW().getAffineY()).isEqualTo(OPENSSL_Y);
    }

    @Test
    void shouldNameAConfiguredKeyByItsThumbprintOnEveryInstance() throws IOException {
        Path file = Files.writeString(dir.resolve("openssl.pem"), OPENSSL_KEY);
        JoinLinkConfig config = JoinLinkTestConfig.defaults().withSigningKey(file);

        String kid = new JoinLinkSigningKey(config).keyId();

        assertThat(kid).isEqualTo(new JoinLinkSigningKey(config).keyId()).matches("[A-Za-z0-9_-]{43}");
    }

    @Test
    void shouldPreferAConfiguredKeyId() throws IOException {
        Path file = Files.writeString(dir.resolve("openssl.pem"), OPENSSL_KEY);

        JoinLinkSigningKey key = new JoinLinkSigningKey(JoinLinkTestConfig.defaults().withSigningKey(file).withKeyId("2030-01"));

        assertThat(key.keyId()).isEqualTo("2030-01");
    }

    @Test
    void shouldMakeAFreshKeyOnEveryStartWhenNoneIsConfigured() {
        JoinLinkSigningKey first = new JoinLinkSigningKey(JoinLinkTestConfig.defaults());
        JoinLinkSigningKey second = new JoinLinkSigningKey(JoinLinkTestConfig.defaults());

        assertThat(first.publicKey().getParams().getOrder()).isEqualTo(second.publicKey().getParams().getOrder());
        assertThat(first.publicKey().getW()).isNotEqualTo(second.publicKey().getW());
        assertThat(first.keyId()).isNotEqualTo(second.keyId());
    }

    @Test
    void shouldRefuseToStartWithAMissingKeyFile() {
        Path missing = dir.resolve("missing.pem");

        assertRefusedWith(missing, "cannot read the file");
    }

    @Test
    void shouldRefuseToStartWithAFileThatHoldsNoPrivateKey() throws IOException {
        assertRefusedWith(Files.writeString(dir.resolve("garbage.pem"), "hello"), "no unencrypted PKCS#8 'PRIVATE KEY' PEM block");
    }

    @Test
    void shouldExplainHowToConvertASec1Key() throws IOException {
        Path sec1 = Files.writeString(dir.resolve("sec1.pem"),
                "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEE\n-----END EC PRIVATE KEY-----\n");

        assertRefusedWith(sec1, "openssl pkcs8 -topk8 -nocrypt");
    }

    @Test
    void shouldRefuseToStartWithAnRsaKey() throws Exception {
        assertRefusedWith(writePem(generate("RSA", null)), "not a PKCS#8 EC private key");
    }

    @Test
    void shouldRefuseToStartWithAKeyOnAnotherCurve() throws Exception {
        assertRefusedWith(writePem(generate("EC", new ECGenParameterSpec("secp384r1"))), "not on curve P-256");
    }

    @Test
    void shouldRefuseToStartWithACorruptedKey() throws IOException {
        String corrupted = OPENSSL_KEY.replace("MIGHAgEAMBMGByqGSM49", "MIGHAgEAMBMGByqGSMAA");

        assertRefusedWith(Files.writeString(dir.resolve("corrupted.pem"), corrupted), "not a PKCS#8 EC private key");
    }

    private void assertRefusedWith(Path file, String reason) {
        assertThatThrownBy(() -> new JoinLinkSigningKey(JoinLinkTestConfig.defaults().withSigningKey(file)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Unusable patient join link signing key " + file + " (" + LOCATION_KEY + "): ")
                .hasMessageContaining(reason)
                .hasMessageNotContaining("\n");
    }

    private Path writePem(KeyPair keys) throws IOException {
        String base64 = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(keys.getPrivate().getEncoded());
        return Files.writeString(Files.createTempFile(dir, "key", ".pem"),
                "-----BEGIN PRIVATE KEY-----\n" + base64 + "\n-----END PRIVATE KEY-----\n");
    }

    private static KeyPair generate(String algorithm, AlgorithmParameterSpec spec) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        if (spec != null) {
            generator.initialize(spec);
        }
        return generator.generateKeyPair();
    }
}
