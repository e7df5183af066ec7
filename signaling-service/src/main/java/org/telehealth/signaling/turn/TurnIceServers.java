package org.telehealth.signaling.turn;

import io.quarkus.runtime.Startup;
import io.smallrye.config.Secret;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.telehealth.signaling.config.SignalingConfig;
import org.telehealth.signaling.protocol.ServerMessage;
import org.telehealth.signaling.room.CallRelays;

/**
 * The TURN servers of {@code signaling.turn.*} with a credential of the participant's own, for the
 * pages of participants entering the call ({@link CallRelays}). Checks the settings at start-up, so
 * that a half-configured TURN (URIs without the secret, or a STUN URI) stops the service with a
 * message naming the key instead of handing pages credentials coturn would refuse. With no URIs
 * and no secret TURN is off and nobody gets ICE servers.
 */
@Startup
@ApplicationScoped
public class TurnIceServers implements CallRelays {

    /** Shorter lives would have pages renewing all the time for nothing. */
    static final Duration SHORTEST_TTL = Duration.ofSeconds(10);

    private static final Logger LOG = Logger.getLogger(TurnIceServers.class);

    private final List<String> uris;
    private final Duration ttl;
    private final TurnCredentialIssuer issuer;

    @Inject
    public TurnIceServers(SignalingConfig config) {
        this(config.turn().uris(), config.turn().sharedSecret().map(Secret::get), config.turn().credentialTtl(), Clock.systemUTC());
        if (enabled()) {
            LOG.infof("TURN on: %s, credentials valid for %s", uris, ttl);
        }
    }

    TurnIceServers(Optional<List<String>> uris, Optional<String> sharedSecret, Duration ttl, Clock clock) {
        List<String> given = uris.orElse(List.of()).stream().map(String::trim).filter(uri -> !uri.isEmpty()).toList();
        boolean secretGiven = sharedSecret.filter(secret -> !secret.isBlank()).isPresent();
        if (given.isEmpty() && !secretGiven) {
            this.uris = List.of();
            this.ttl = ttl;
            this.issuer = null;
            return;
        }
        if (given.isEmpty()) {
            throw new IllegalStateException("signaling.turn.shared-secret is set but signaling.turn.uris is not: set both, or neither");
        }
        if (!secretGiven) {
            throw new IllegalStateException("signaling.turn.uris is set but signaling.turn.shared-secret is not: set both, or neither");
        }
        for (String uri : given) {
            if (!uri.startsWith("turn:") && !uri.startsWith("turns:")) {
                throw new IllegalStateException("signaling.turn.uris: " + uri + " is not a turn: or turns: URI");
            }
        }
        if (ttl.compareTo(SHORTEST_TTL) < 0) {
            throw new IllegalStateException("signaling.turn.credential-ttl must be at least " + SHORTEST_TTL + ", not " + ttl);
        }
        this.uris = given;
        this.ttl = ttl;
        this.issuer = new TurnCredentialIssuer(sharedSecret.get(), ttl, clock);
    }

    /** Whether TURN is configured. */
    public boolean enabled() {
        return issuer != null;
    }

    /** How long each credential is valid. */
    public Duration credentialTtl() {
        return ttl;
    }

    @Override
    public List<ServerMessage.IceServer> iceServersFor(String participantId) {
        if (issuer == null) {
            return List.of();
        }
        TurnCredential credential = issuer.issue(participantId);
        return List.of(new ServerMessage.IceServer(uris, credential.username(), credential.password()));
    }
}
