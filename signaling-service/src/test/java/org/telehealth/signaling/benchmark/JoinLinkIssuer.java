package org.telehealth.signaling.benchmark;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;

/**
 * Plays scheduling-service for the benchmarks: an ES256 key of its own, its public half served as
 * a JWKS on a local port (signaling's {@code signaling.join-link.jwks-url}), and patients' join
 * links signed with it as scheduling signs them.
 */
final class JoinLinkIssuer implements AutoCloseable {

    private final EllipticCurveJsonWebKey key;
    private final HttpServer server;

    private JoinLinkIssuer(EllipticCurveJsonWebKey key, HttpServer server) {
        this.key = key;
        this.server = server;
    }

    static JoinLinkIssuer start() throws IOException {
        try {
            EllipticCurveJsonWebKey key = EcJwkGenerator.generateJwk(EllipticCurves.P256);
            key.setKeyId("join-link-benchmark");
            byte[] jwks = new JsonWebKeySet(key).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY).getBytes(StandardCharsets.UTF_8);
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/.well-known/join-link-jwks.json", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(jwks);
                }
            });
            server.start();
            return new JoinLinkIssuer(key, server);
        } catch (JoseException e) {
            throw new IOException("cannot make the join link key", e);
        }
    }

    /** The value of {@code signaling.join-link.jwks-url}. */
    String jwksUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/join-link-jwks.json";
    }

    /** A patient's link of generation 0, open from a minute ago for two hours. */
    String forPatient(UUID patientId, UUID visitId) {
        Instant notBefore = Instant.now().minusSeconds(60);
        JwtClaims claims = new JwtClaims();
        claims.setIssuer("telehealth-scheduling");
        claims.setAudience("telehealth-visit");
        claims.setSubject(patientId.toString());
        claims.setClaim("visit", visitId.toString());
        claims.setClaim("gen", 0);
        claims.setClaim("role", "patient");
        claims.setNotBefore(NumericDate.fromMilliseconds(notBefore.toEpochMilli()));
        claims.setExpirationTime(NumericDate.fromMilliseconds(notBefore.plus(Duration.ofHours(2)).toEpochMilli()));
        claims.setJwtId(UUID.randomUUID().toString());
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign a join link", e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
