package org.telehealth.scheduling.portal;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;

/**
 * Browser protections of every answer under {@code /portal}, static files included:
 *
 * <ul>
 *   <li>a Content Security Policy that runs only the portal's own script files (no inline script,
 *       no eval) and lets the pages talk to this service and to Keycloak only;</li>
 *   <li>no framing ({@code frame-ancestors 'none'} and {@code X-Frame-Options}), against clickjacking;</li>
 *   <li>no {@code Referer}: the page shows patients' join links, whose token must not travel on;</li>
 *   <li>no MIME sniffing, and revalidation on every load so that a new portal version is seen at once.</li>
 * </ul>
 */
@ApplicationScoped
public class PortalSecurityHeaders {

    /** Runs before the static files and REST resources, after nothing else that matters here. */
    private static final int PRIORITY = 100;

    private final String contentSecurityPolicy;

    public PortalSecurityHeaders(PortalConfig config) {
        this.contentSecurityPolicy = contentSecurityPolicy(originOf(config.authServerUrl()));
    }

    void register(@Observes Filters filters) {
        filters.register(context -> {
            String path = context.normalizedPath();
            if (path.equals("/portal") || path.startsWith("/portal/")) {
                MultiMap headers = context.response().headers();
                headers.set("Content-Security-Policy", contentSecurityPolicy);
                headers.set("X-Frame-Options", "DENY");
                headers.set("Referrer-Policy", "no-referrer");
                headers.set("X-Content-Type-Options", "nosniff");
                headers.set("Cross-Origin-Opener-Policy", "same-origin");
                headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
                headers.set("Cache-Control", "no-cache");
            }
            context.next();
        }, PRIORITY);
    }

    static String contentSecurityPolicy(String keycloakOrigin) {
        return String.join("; ",
                "default-src 'none'",
                "script-src 'self'",
                "style-src 'self'",
                "img-src 'self' data:",
                "connect-src 'self' " + keycloakOrigin,
                "base-uri 'none'",
                "form-action 'none'",
                "frame-ancestors 'none'");
    }

    /** {@code scheme://host[:port]} of a URL, as a CSP source expression. */
    static String originOf(URI url) {
        if (url.getScheme() == null || url.getHost() == null) {
            throw new IllegalArgumentException("scheduling.portal.auth-server-url must be an absolute URL, got " + url);
        }
        return url.getScheme() + "://" + url.getHost() + (url.getPort() == -1 ? "" : ":" + url.getPort());
    }
}
