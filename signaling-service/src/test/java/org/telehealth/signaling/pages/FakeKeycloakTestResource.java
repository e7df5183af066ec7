package org.telehealth.signaling.pages;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.telehealth.infra.testing.TestTokens;

/**
 * Plays Keycloak's two endpoints the doctor's visit page uses, as strictly as the page needs
 * them to be checked: {@code /auth} signs the doctor {@link #DOCTOR} in at once (no form) and
 * remembers a session in a cookie, or with {@code prompt=none} and no session answers
 * {@code login_required}; {@code /token} hands out a {@link TestTokens} access token only for a
 * code that was issued once, to the same redirect URI, with the PKCE verifier of its challenge.
 * Points {@code signaling.pages.auth-server-url} at itself.
 */
public class FakeKeycloakTestResource implements QuarkusTestResourceLifecycleManager {

    /** The user every sign-in gives: a doctor. */
    public static final String DOCTOR = "dr-visit-pages";
    static final String CLIENT_ID = "telehealth-portal";
    private static final String REALM_PATH = "/realms/telehealth";
    private static final String SESSION_COOKIE = "FAKE_KEYCLOAK_SESSION";

    private final Map<String, PendingCode> codes = new ConcurrentHashMap<>();
    private HttpServer server;
    private String realmUrl;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            realmUrl = "http://127.0.0.1:" + server.getAddress().getPort() + REALM_PATH;
            server.createContext(REALM_PATH + "/protocol/openid-connect/auth", this::authorize);
            server.createContext(REALM_PATH + "/protocol/openid-connect/token", this::token);
            server.start();
            return Map.of("signaling.pages.auth-server-url", realmUrl);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the fake Keycloak", e);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        String redirect = query.getOrDefault("redirect_uri", "");
        if (!CLIENT_ID.equals(query.get("client_id")) || !"code".equals(query.get("response_type"))
                || !"fragment".equals(query.get("response_mode")) || !"S256".equals(query.get("code_challenge_method"))
                || !redirect.matches("http://localhost:\\d+/visit/[0-9a-f-]{36}/host")) {
            send(exchange, 400, "text/plain", "bad authorization request");
            return;
        }
        boolean session = String.valueOf(exchange.getRequestHeaders().getFirst("Cookie")).contains(SESSION_COOKIE + "=1");
        String answer;
        if ("none".equals(query.get("prompt")) && !session) {
            answer = "error=login_required&state=" + encode(query.get("state"));
        } else {
            String code = UUID.randomUUID().toString();
            codes.put(code, new PendingCode(redirect, query.get("code_challenge"), query.get("nonce")));
            answer = "state=" + encode(query.get("state")) + "&code=" + code + "&iss=" + encode(realmUrl);
            exchange.getResponseHeaders().add("Set-Cookie", SESSION_COOKIE + "=1; Path=/; HttpOnly");
        }
        exchange.getResponseHeaders().add("Location", URI.create(redirect) + "#" + answer);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        if (origin != null) {
            exchange.getResponseHeaders().add("Access-Control-Allow-Origin", origin);
        }
        if (!"POST".equals(exchange.getRequestMethod())) {
            send(exchange, 405, "text/plain", "POST only");
            return;
        }
        Map<String, String> body = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String grant = body.get("grant_type");
        if ("refresh_token".equals(grant) && "fake-refresh".equals(body.get("refresh_token"))) {
            send(exchange, 200, "application/json", tokens(null));
            return;
        }
        PendingCode pending = body.get("code") == null ? null : codes.remove(body.get("code"));
        if (!"authorization_code".equals(grant) || !CLIENT_ID.equals(body.get("client_id")) || pending == null
                || !pending.redirectUri().equals(body.get("redirect_uri"))
                || !pending.challenge().equals(challengeOf(body.getOrDefault("code_verifier", "")))) {
            send(exchange, 400, "application/json", "{\"error\":\"invalid_grant\"}");
            return;
        }
        send(exchange, 200, "application/json", tokens(pending.nonce()));
    }

    private String tokens(String nonce) {
        String idClaims = "{\"iss\":\"" + realmUrl + "\",\"sub\":\"" + TestTokens.subjectOf(DOCTOR) + "\",\"aud\":\"" + CLIENT_ID
                + "\",\"name\":\"Dr Test\"" + (nonce == null ? "" : ",\"nonce\":\"" + nonce + "\"") + "}";
        // The page reads the ID token's claims only (it came straight from the token endpoint): no signature needed.
        String idToken = base64Url("{\"alg\":\"none\"}") + "." + base64Url(idClaims) + ".";
        return "{\"access_token\":\"" + TestTokens.forUser(DOCTOR, "doctor") + "\",\"id_token\":\"" + idToken
                + "\",\"refresh_token\":\"fake-refresh\",\"token_type\":\"Bearer\",\"expires_in\":300}";
    }

    private static String challengeOf(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64Url(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> values = new HashMap<>();
        if (encoded != null && !encoded.isEmpty()) {
            for (String pair : encoded.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    values.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return values;
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private record PendingCode(String redirectUri, String challenge, String nonce) {
    }
}
