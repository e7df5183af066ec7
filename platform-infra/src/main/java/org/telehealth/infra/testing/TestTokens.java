package org.telehealth.infra.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Access tokens shaped like Keycloak's (realm roles under {@code realm_access.roles}, the user name in
 * {@code preferred_username}), signed with a key pair made for this test JVM. Services under test
 * verify them with the public key that {@link TokenIssuerTestResource} configures, so the real OIDC
 * verification path runs without a Keycloak server.
 */
public final class TestTokens {

    public static final String ISSUER = "http://keycloak.test.invalid/realms/telehealth";

    private static final KeyPair KEYS = generate();

    private TestTokens() {
    }

    /** A token for {@code username} holding the given realm roles, valid for five minutes. */
    public static String forUser(String username, String... roles) {
        return claimsOf(username, roles)
                .expiresIn(300)
                .jws().keyId("test-key")
                .sign(KEYS.getPrivate());
    }

    /** A token like {@link #forUser}'s, rightly signed, whose five minutes ended ten minutes ago. */
    public static String expiredForUser(String username, String... roles) {
        long now = Instant.now().getEpochSecond();
        return claimsOf(username, roles)
                .issuedAt(now - 900)
                .expiresAt(now - 600)
                .jws().keyId("test-key")
                .sign(KEYS.getPrivate());
    }

    /** The stable subject id the tokens of {@code username} carry, as Keycloak keeps a user's id. */
    public static String subjectOf(String username) {
        return UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static JwtClaimsBuilder claimsOf(String username, String... roles) {
        return Jwt.issuer(ISSUER)
                .subject(subjectOf(username))
                .claim("preferred_username", username)
                .claim("typ", "Bearer")
                .claim("azp", "telehealth-portal")
                .claim("realm_access", Map.of("roles", List.of(roles)));
    }

    public static String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded());
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }
}
