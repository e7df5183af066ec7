package org.telehealth.infra.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Makes the service under test trust {@link TestTokens} instead of a Keycloak server: the OIDC
 * server URL is cleared (it would win over the key) and the test public key is installed.
 */
public class TokenIssuerTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.oidc.auth-server-url", "",
                "quarkus.oidc.public-key", TestTokens.publicKeyBase64(),
                "quarkus.oidc.token.issuer", TestTokens.ISSUER);
    }

    @Override
    public void stop() {
        // nothing to stop: the key pair lives as long as the JVM
    }
}
