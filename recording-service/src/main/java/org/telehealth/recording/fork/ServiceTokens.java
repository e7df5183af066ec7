package org.telehealth.recording.fork;

import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * recording-service's own access token (OAuth2 client credentials of client {@code recording-service},
 * realm role {@code service}), which media-service's control API demands. Kept until it comes within
 * {@code quarkus.oidc-client.refresh-token-time-skew} of expiring, or until media-service refuses it.
 * A service without its client secret would only find out when the first recording starts, so
 * start-up fails then. Blocking: called from capture start and stop, on worker threads.
 */
@ApplicationScoped
public class ServiceTokens {

    private static final Logger LOG = Logger.getLogger(ServiceTokens.class);
    static final String SECRET = "quarkus.oidc-client.credentials.secret";

    private final OidcClient client;
    private final Config config;
    private final Duration timeout;
    private final AtomicReference<Tokens> current = new AtomicReference<>();

    public ServiceTokens(OidcClient client, Config config, MediaConfig media) {
        this.client = client;
        this.config = config;
        this.timeout = media.requestTimeout();
    }

    void requireClientSecret(@Observes StartupEvent event) {
        String secret;
        try {
            secret = config.getOptionalValue(SECRET, String.class).orElse("");
        } catch (NoSuchElementException unresolved) {
            secret = "";
        }
        if (secret.isBlank()) {
            throw new IllegalStateException("recording-service has no client secret for its service token: set"
                    + " TELEHEALTH_RECORDING_CLIENT_SECRET (the demo secret applies in the dev and local profiles only)");
        }
    }

    /**
     * A valid access token.
     *
     * @throws MediaControlException when Keycloak gives none in time
     */
    public String accessToken() {
        Tokens tokens = current.get();
        if (tokens != null && !tokens.isAccessTokenExpired() && !tokens.isAccessTokenWithinRefreshInterval()) {
            return tokens.getAccessToken();
        }
        try {
            Tokens fresh = client.getTokens().await().atMost(timeout);
            current.set(fresh);
            return fresh.getAccessToken();
        } catch (RuntimeException e) {
            LOG.warnf("Could not get a service token: %s", e.getClass().getSimpleName());
            throw new MediaControlException("no service token for media-service's control API (Keycloak)");
        }
    }

    /** media-service refused {@code token}: the next call fetches a new one. */
    public void refused(String token) {
        current.updateAndGet(tokens -> tokens != null && tokens.getAccessToken().equals(token) ? null : tokens);
    }
}
