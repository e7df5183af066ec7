package org.telehealth.signaling.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.telehealth.signaling.config.SignalingConfig;
import org.telehealth.signaling.protocol.ErrorCode;
import org.telehealth.signaling.protocol.SignalingException;

/**
 * When scheduling's join-link keys cannot be fetched, the patient is told to try again
 * ({@code service-unavailable}), not that their link is invalid.
 */
class JoinLinkTokenVerifierTest {

    /** A well-formed ES256 token naming a key id, so that checking it needs the JWKS. */
    private static final String SIGNED_LOOKING_TOKEN = "eyJhbGciOiJFUzI1NiIsImtpZCI6ImsxIn0"
            + ".eyJpc3MiOiJ0ZWxlaGVhbHRoLXNjaGVkdWxpbmciLCJzdWIiOiJ4In0"
            + ".MEUCIQDxAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

    @Test
    void shouldAskToTryAgainWhenTheJoinLinkKeysAreUnreachable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        JoinLinkTokenVerifier verifier = new JoinLinkTokenVerifier(link("http://127.0.0.1:" + closedPort + "/jwks.json"));

        assertThatThrownBy(() -> verifier.verify(SIGNED_LOOKING_TOKEN))
                .isInstanceOfSatisfying(SignalingException.class,
                        refused -> assertThat(refused.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE));
    }

    @Test
    void shouldStillCallGarbageAnInvalidToken() throws IOException {
        JoinLinkTokenVerifier verifier = new JoinLinkTokenVerifier(link("http://127.0.0.1:9/jwks.json"));

        assertThatThrownBy(() -> verifier.verify("not-a-token"))
                .isInstanceOfSatisfying(SignalingException.class,
                        refused -> assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_TOKEN));
    }

    private static SignalingConfig.JoinLink link(String jwksUrl) {
        return new SignalingConfig.JoinLink() {
            @Override
            public String jwksUrl() {
                return jwksUrl;
            }

            @Override
            public String issuer() {
                return "telehealth-scheduling";
            }

            @Override
            public String audience() {
                return "telehealth-visit";
            }

            @Override
            public Duration clockSkew() {
                return Duration.ofSeconds(30);
            }

            @Override
            public Duration keysCacheDuration() {
                return Duration.ofHours(1);
            }
        };
    }
}
