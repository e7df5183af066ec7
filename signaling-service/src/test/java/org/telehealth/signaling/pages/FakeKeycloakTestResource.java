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
 * Plays Keycloak's two endpoints the visit page uses, as strictly as the page needs them to be
 * checked: {@code /auth} signs the user in at once (no form) and remembers a session in a cookie,
 * or with {@code prompt=none} and no session answers {@code login_required}; {@code /token} hands
 * out a {@link TestTokens} access token only for a code that was issued once, to the same redirect
 * URI, with the PKCE verifier of its challenge. The user is the doctor {@link #DOCTOR} unless the
 * browser opened {@link #SIGN_IN_AS_PATH}{@code ?user=…&roles=…} first (a cookie of this fake
 * only: the account a person would type in Keycloak's form). Points
 * {@code signaling.pages.auth-server-url} at itself.
 */
public class FakeKeycloakTestResource implements QuarkusTestResourceLifecycleManager {

    /** The user every sign-in gives: a doctor. */
    public static final String DOCTOR = "dr-visit-pages";
    /** Under the realm URL: chooses who the next sign-ins of this browser are. */
    public static final String SIGN_IN_AS_PATH = "/test/sign-in-as";
    static final String CLIENT_ID = "telehealth-portal";
    private static final String REALM_PATH = "/realms/telehealth";
    private static final String SESSION_COOKIE = "FAKE_KEYCLOAK_SESSION";
    private static final String USER_COOKIE = "FAKE_KEYCLOAK_USER";
    private static final User DEFAULT_USER = new User(DOCTOR, "doctor");

    private static final String REFRESH_PREFIX = "fake-refresh:";

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
            server.createContext(REALM_PATH + SIGN_IN_AS_PATH, this::signInAs);
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
        String cookies = String.valueOf(exchange.getRequestHeaders().getFirst("Cookie"));
        boolean session = cookies.contains(SESSION_COOKIE + "=1");
        String answer;
        if ("none".equals(query.get("prompt")) && !session) {
            answer = "error=login_required&state=" + encode(query.get("state"));
        } else {
            String code = UUID.randomUUID().toString();
            codes.put(code, new PendingCode(redirect, query.get("code_challenge"), query.get("nonce"), userOf(cookies)));
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
        String refresh = body.getOrDefault("refresh_token", "");
        if ("refresh_token".equals(grant) && refresh.startsWith(REFRESH_PREFIX)) {
            send(exchange, 200, "application/json", tokens(User.parse(refresh.substring(REFRESH_PREFIX.length())), null));
            return;
        }
        PendingCode pending = body.get("code") == null ? null : codes.remove(body.get("code"));
        if (!"authorization_code".equals(grant) || !CLIENT_ID.equals(body.get("client_id")) || pending == null
                || !pending.redirectUri().equals(body.get("redirect_uri"))
                || !pending.challenge().equals(challengeOf(body.getOrDefault("code_verifier", "")))) {
            send(exchange, 400, "application/json", "{\"error\":\"invalid_grant\"}");
            return;
        }
        send(exchange, 200, "application/json", tokens(pending.user(), pending.nonce()));
    }

    /** {@code ?user=<name>&roles=<role,role>}: the account this browser's next sign-ins give (a cookie on this fake's origin). */
    private void signInAs(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        User user = new User(query.getOrDefault("user", ""), query.getOrDefault("roles", "").replace(',', '.'));
        if (!user.name().matches("[A-Za-z0-9_-]{1,64}") || !user.roles().matches("[a-z.]{0,64}")) {
            send(exchange, 400, "text/plain", "bad user");
            return;
        }
        exchange.getResponseHeaders().add("Set-Cookie", USER_COOKIE + "=" + user.cookie() + "; Path=/; HttpOnly");
        send(exchange, 200, "text/plain", "next sign-ins: " + user.name());
    }

    private static User userOf(String cookies) {
        for (String cookie : cookies.split(";\\s*")) {
            if (cookie.startsWith(USER_COOKIE + "=")) {
                return User.parse(cookie.substring(USER_COOKIE.length() + 1));
            }
        }
        return DEFAULT_USER;
    }

    private String tokens(User user, String nonce) {
        String idClaims = "{\"iss\":\"" + realmUrl + "\",\"sub\":\"" + TestTokens.subjectOf(user.name()) + "\",\"aud\":\"" + CLIENT_ID
                + "\",\"name\":\"Test User\"" + (nonce == null ? "" : ",\"nonce\":\"" + nonce + "\"") + "}";
        // The page reads the ID token's claims only (it came straight from the token endpoint): no signature needed.
        String idToken = base64Url("{\"alg\":\"none\"}") + "." + base64Url(idClaims) + ".";
        String[] roles = user.roles().isEmpty() ? new String[0] : user.roles().split("\\.");
        return "{\"access_token\":\"" + TestTokens.forUser(user.name(), roles) + "\",\"id_token\":\"" + idToken
                + "\",\"refresh_token\":\"" + REFRESH_PREFIX + user.cookie()
                + "\",\"token_type\":\"Bearer\",\"expires_in\":300}";
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

    private record PendingCode(String redirectUri, String challenge, String nonce, User user) {
    }

    /** A fake account: its user name (the token's subject is derived from it) and realm roles, dot-separated (a cookie has no commas). */
    private record User(String name, String roles) {

        static User parse(String cookie) {
            int colon = cookie.indexOf(':');
            return colon < 0 ? DEFAULT_USER : new User(cookie.substring(0, colon), cookie.substring(colon + 1));
        }

        String cookie() {
            return name + ":" + roles;
        }
    }
}
