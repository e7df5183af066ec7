package org.telehealth.signaling.turn;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * TURN switched on for protocol tests, with no TURN server behind it: what signaling hands out is
 * checked against the secret here. Credentials live 10 s, so participants in the call get new ones
 * every 5 s.
 */
public class TurnSettingsTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String SECRET = "protocol-test-turn-secret";
    public static final String URI = "turn:turn.telehealth.test:3478?transport=udp";
    public static final int TTL_SECONDS = 10;

    @Override
    public Map<String, String> start() {
        return Map.of("signaling.turn.uris", URI,
                "signaling.turn.shared-secret", SECRET,
                "signaling.turn.credential-ttl", TTL_SECONDS + "s");
    }

    @Override
    public void stop() {
        // nothing started
    }
}
