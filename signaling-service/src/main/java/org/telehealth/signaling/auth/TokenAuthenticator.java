package org.telehealth.signaling.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.Base64;
import org.telehealth.signaling.config.SignalingConfig;
import org.telehealth.signaling.protocol.ErrorCode;
import org.telehealth.signaling.protocol.SignalingException;

/**
 * Sends the {@code hello} token to the verifier of its issuer: join links to
 * {@link JoinLinkTokenVerifier}, everything else to Keycloak's. The unverified {@code iss} only
 * routes; each verifier checks the issuer again with the signature.
 */
@ApplicationScoped
public class TokenAuthenticator {

    private final ObjectMapper json = new ObjectMapper();
    private final String joinLinkIssuer;
    private final JoinLinkTokenVerifier joinLinks;
    private final KeycloakTokenVerifier keycloak;

    public TokenAuthenticator(SignalingConfig config, JoinLinkTokenVerifier joinLinks, KeycloakTokenVerifier keycloak) {
        this.joinLinkIssuer = config.joinLink().issuer();
        this.joinLinks = joinLinks;
        this.keycloak = keycloak;
    }

    public Caller authenticate(String token) {
        return joinLinkIssuer.equals(claimedIssuer(token)) ? joinLinks.verify(token) : keycloak.verify(token);
    }

    private String claimedIssuer(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new SignalingException(ErrorCode.INVALID_TOKEN, "the token is not a signed JWT");
        }
        try {
            JsonNode iss = json.readTree(Base64.getUrlDecoder().decode(parts[1])).get("iss");
            return iss != null && iss.isTextual() ? iss.asText() : "";
        } catch (IOException | IllegalArgumentException e) {
            throw new SignalingException(ErrorCode.INVALID_TOKEN, "the token is not a signed JWT");
        }
    }
}
