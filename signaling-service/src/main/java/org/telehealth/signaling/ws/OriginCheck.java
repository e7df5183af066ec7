package org.telehealth.signaling.ws;

import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.telehealth.signaling.config.SignalingConfig;

/**
 * Refuses the WebSocket upgrade (403) when a browser page of another site opens a visit socket:
 * browsers always send {@code Origin} on WebSocket handshakes, and cookies-free tokens do not make
 * cross-site sockets harmless (a stolen link could be replayed from any page). Clients without
 * {@code Origin} are not browsers; the token is their only gate.
 */
@ApplicationScoped
public class OriginCheck implements HttpUpgradeCheck {

    private final Set<String> allowed;

    public OriginCheck(SignalingConfig config) {
        this.allowed = Set.copyOf(config.allowedOrigins());
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        String origin = context.httpRequest().getHeader("Origin");
        return origin == null || allowed.contains(origin) ? CheckResult.permitUpgrade() : CheckResult.rejectUpgrade(403);
    }
}
