package org.telehealth.platform.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.telehealth.platform.PlatformException;

/**
 * Signs a user in the way the browser does: authorization code flow with PKCE against the public
 * {@code telehealth-portal} client, filling in Keycloak's login form. The realm allows no password
 * grant, so this is how {@code ./telehealth token} and the platform test get real user tokens.
 */
public final class KeycloakLogin {

    public static final String PORTAL_CLIENT = "telehealth-portal";

    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*kc-form-login[^>]*>");
    private static final Pattern ACTION = Pattern.compile("action=\"([^\"]+)\"");
    private static final Pattern ERROR_MESSAGE = Pattern.compile("kc-feedback-text[^>]*>\\s*([^<]+?)\\s*<");

    private final URI keycloak;
    private final URI redirectUri;
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final ObjectMapper json = new ObjectMapper();
    /**
     * Keycloak marks its session cookies Secure even on http://localhost, which browsers accept as a
     * secure context but Java's cookie store does not; so cookies are carried by hand.
     */
    private final Map<String, String> cookies = new LinkedHashMap<>();

    /**
     * @param keycloak Keycloak's base URL, e.g. {@code http://localhost:8180}
     * @param redirectUri a redirect URI the portal client allows; it is never called
     */
    public KeycloakLogin(URI keycloak, URI redirectUri) {
        this.keycloak = keycloak;
        this.redirectUri = redirectUri;
    }

    /** Logs {@code username} in and returns the access token Keycloak issues to the portal client. */
    public String accessToken(String username, String password) {
        String verifier = randomUrlSafe(48);
        String state = randomUrlSafe(16);
        String authorize = realmUrl("/protocol/openid-connect/auth") + "?" + form(Map.of(
                "client_id", PORTAL_CLIENT,
                "redirect_uri", redirectUri.toString(),
                "response_type", "code",
                "scope", "openid",
                "state", state,
                "code_challenge", challengeOf(verifier),
                "code_challenge_method", "S256"));
        HttpResponse<String> loginPage = send(HttpRequest.newBuilder(URI.create(authorize)).GET());
        Matcher form = LOGIN_FORM.matcher(loginPage.body());
        Matcher action = ACTION.matcher(form.find() ? form.group() : "");
        if (loginPage.statusCode() != 200 || !action.find()) {
            throw new PlatformException("Keycloak did not show its login form (HTTP " + loginPage.statusCode() + ")");
        }
        HttpResponse<String> afterLogin = send(post(URI.create(action.group(1).replace("&amp;", "&")),
                Map.of("username", username, "password", password, "credentialId", "")));
        String location = afterLogin.headers().firstValue("Location").orElse("");
        if (afterLogin.statusCode() != 302 || !location.startsWith(redirectUri.toString())) {
            Matcher error = ERROR_MESSAGE.matcher(afterLogin.body());
            throw new PlatformException("login of " + username + " failed: "
                    + (error.find() ? error.group(1).trim() : "HTTP " + afterLogin.statusCode()));
        }
        Map<String, String> callback = query(URI.create(location));
        if (!state.equals(callback.get("state")) || callback.get("code") == null) {
            throw new PlatformException("Keycloak redirected without a code or with a wrong state");
        }
        HttpResponse<String> tokens = send(post(URI.create(realmUrl("/protocol/openid-connect/token")), Map.of(
                "grant_type", "authorization_code",
                "client_id", PORTAL_CLIENT,
                "redirect_uri", redirectUri.toString(),
                "code", callback.get("code"),
                "code_verifier", verifier)));
        if (tokens.statusCode() != 200) {
            throw new PlatformException("Keycloak refused the code exchange (HTTP " + tokens.statusCode() + ")");
        }
        try {
            JsonNode body = json.readTree(tokens.body());
            return body.path("access_token").asText();
        } catch (IOException e) {
            throw new PlatformException("Keycloak's token response is not JSON", e);
        }
    }

    private String realmUrl(String path) {
        return keycloak.resolve("/realms/" + KeycloakServer.REALM + path).toString();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                    .collect(Collectors.joining("; ")));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (String header : response.headers().allValues("Set-Cookie")) {
                String pair = header.split(";", 2)[0];
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
                }
            }
            return response;
        } catch (IOException e) {
            throw new PlatformException("cannot reach Keycloak at " + keycloak + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException("interrupted", e);
        }
    }

    private static HttpRequest.Builder post(URI uri, Map<String, String> fields) {
        return HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields)));
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> values = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return values;
    }

    static String challengeOf(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static String randomUrlSafe(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
