package org.telehealth.signaling.benchmark;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.telehealth.infra.testing.TestTokens;

/**
 * Doctors' access tokens for the load generator, signed once per doctor and reused while well
 * within their five minutes (signaling checks a token at hello only). Signing a 2048-bit RSA token
 * per visit would take the generator more CPU than signaling spends on the join.
 */
final class DoctorTokens {

    private static final long REUSE_NANOS = 200_000_000_000L;

    private record Signed(String token, long at) {
    }

    private final Map<String, Signed> tokens = new ConcurrentHashMap<>();

    String forDoctor(String user) {
        long now = System.nanoTime();
        return tokens.compute(user, (name, signed) -> signed != null && now - signed.at() < REUSE_NANOS ? signed
                : new Signed(TestTokens.forUser(name, "doctor"), now)).token();
    }
}
