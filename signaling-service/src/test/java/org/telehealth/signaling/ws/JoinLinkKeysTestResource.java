package org.telehealth.signaling.ws;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;

/**
 * Plays scheduling-service's key publisher: makes an ES256 key, serves its public half as a JWKS on
 * a local port and points {@code signaling.join-link.jwks-url} at it. The private key reaches
 * {@link JoinLinks} through a system property, which both class loaders of a Quarkus test see.
 */
public class JoinLinkKeysTestResource implements QuarkusTestResourceLifecycleManager {

    static final String PRIVATE_JWK_PROPERTY = "test.join-link-private-jwk";

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            EllipticCurveJsonWebKey key = EcJwkGenerator.generateJwk(EllipticCurves.P256);
            key.setKeyId("join-link-test-1");
            System.setProperty(PRIVATE_JWK_PROPERTY, key.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE));
            byte[] jwks = new JsonWebKeySet(key).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)
                    .getBytes(StandardCharsets.UTF_8);
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/.well-known/join-link-jwks.json", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(jwks);
                }
            });
            server.start();
            return Map.of("signaling.join-link.jwks-url",
                    "http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/join-link-jwks.json");
        } catch (JoseException | IOException e) {
            throw new IllegalStateException("cannot start the join link key server", e);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
