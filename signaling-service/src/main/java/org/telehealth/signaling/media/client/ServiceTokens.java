package org.telehealth.signaling.media.client;

import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * signaling-service's own access token (OAuth2 client credentials of client {@code signaling-service},
 * realm role {@code service}), which media-service's control API demands. Kept until it comes within
 * {@code quarkus.oidc-client.refresh-token-time-skew} of expiring, or until media-service refuses it.
 * A service without its client secret would only find out at the first call, so start-up fails then.
 */
@ApplicationScoped
public class ServiceTokens {

    private static final Logger LOG = Logger.getLogger(ServiceTokens.class);
    static final String SECRET = "quarkus.oidc-client.credentials.secret";

    private final OidcClient client;
    private final Config config;
    private final AtomicReference<Tokens> current = new AtomicReference<>();

    public ServiceTokens(OidcClient client, Config config) {
        this.client = client;
        this.config = config;
    }

    void requireClientSecret(@Observes StartupEvent event) {
        String secret;
        try {
            secret = config.getOptionalValue(SECRET, String.class).orElse("");
        } catch (NoSuchElementException unresolved) {
            secret = "";
        }
        if (secret.isBlank()) {
            throw new IllegalStateException("signaling-service has no client secret for its service token: set"
                    + " TELEHEALTH_SIGNALING_CLIENT_SECRET (the demo secret applies in the dev and local profiles only)");
        }
    }

    public Uni<String> accessToken() {
        Tokens tokens = current.get();
        if (tokens != null && !tokens.isAccessTokenExpired() && !tokens.isAccessTokenWithinRefreshInterval()) {
            return Uni.createFrom().item(tokens.getAccessToken());
        }
        return client.getTokens()
                .onFailure().transform(e -> {
                    LOG.warnf("Could not get a service token: %s", e.getClass().getSimpleName());
                    return new MediaControlException(MediaControlException.Kind.UNAVAILABLE, "media is not available now");
                })
                .invoke(current::set)
                .map(Tokens::getAccessToken);
    }

    /** media-service refused {@code token}: the next call fetches a new one. */
    public void refused(String token) {
        current.updateAndGet(tokens -> tokens != null && tokens.getAccessToken().equals(token) ? null : tokens);
    }
}
