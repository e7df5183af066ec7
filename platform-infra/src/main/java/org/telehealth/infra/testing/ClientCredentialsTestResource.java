package org.telehealth.infra.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Plays Keycloak's token endpoint for a service's quarkus-oidc-client: answers an OAuth2
 * {@code client_credentials} request (client authenticated by HTTP Basic or form fields) with a
 * {@link TestTokens} access token for the client's service account holding the realm role
 * {@code service}, which every service under test trusts through {@link TokenIssuerTestResource}.
 * The client id is {@code signaling-service} unless the init arg {@code client-id} says otherwise;
 * the secret is made up per start and handed to the service's configuration, so a token is only
 * issued to a client that really sends it. Anything else gets 400/401 as from Keycloak.
 */
public class ClientCredentialsTestResource implements QuarkusTestResourceLifecycleManager {

    /** The token endpoint's path under the realm URL, as Keycloak serves it. */
    public static final String TOKEN_PATH = "/protocol/openid-connect/token";
    private static final String REALM_PATH = "/realms/telehealth";
    private static final AtomicInteger TOKENS_ISSUED = new AtomicInteger();

    private String clientId = "signaling-service";
    private final String secret = "test-secret-" + UUID.randomUUID();
    private HttpServer server;

    /** How many tokens the endpoints of this JVM issued so far. */
    public static int tokensIssued() {
        return TOKENS_ISSUED.get();
    }

    @Override
    public void init(Map<String, String> initArgs) {
        clientId = initArgs.getOrDefault("client-id", clientId);
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the token endpoint", e);
        }
        server.createContext(REALM_PATH + TOKEN_PATH, this::token);
        server.start();
        return Map.of(
                "quarkus.oidc-client.auth-server-url", "http://127.0.0.1:" + server.getAddress().getPort() + REALM_PATH,
                "quarkus.oidc-client.discovery-enabled", "false",
                "quarkus.oidc-client.token-path", TOKEN_PATH,
                "quarkus.oidc-client.client-id", clientId,
                "quarkus.oidc-client.credentials.secret", secret);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void token(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                respond(exchange, 405, "{\"error\":\"invalid_request\"}");
                return;
            }
            Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            if (!"client_credentials".equals(form.get("grant_type"))) {
                respond(exchange, 400, "{\"error\":\"unsupported_grant_type\"}");
                return;
            }
            if (!authenticated(exchange.getRequestHeaders().getFirst("Authorization"), form)) {
                respond(exchange, 401, "{\"error\":\"invalid_client\"}");
                return;
            }
            TOKENS_ISSUED.incrementAndGet();
            respond(exchange, 200, "{\"access_token\":\"" + TestTokens.forUser("service-account-" + clientId, "service")
                    + "\",\"token_type\":\"Bearer\",\"expires_in\":300,\"scope\":\"profile email\"}");
        }
    }

    private boolean authenticated(String authorization, Map<String, String> form) {
        if (authorization != null && authorization.startsWith("Basic ")) {
            String[] pair = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8)
                    .split(":", 2);
            return pair.length == 2 && clientId.equals(decode(pair[0])) && secret.equals(decode(pair[1]));
        }
        return clientId.equals(form.get("client_id")) && secret.equals(form.get("client_secret"));
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                fields.put(decode(pair.substring(0, equals)), decode(pair.substring(equals + 1)));
            }
        }
        return fields;
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
