package org.telehealth.signaling.pages;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Browser protections of every answer under {@code /visit}, static files included:
 *
 * <ul>
 *   <li>a Content Security Policy that runs only the pages' own script files (no inline script, no
 *       eval) and lets them talk to this service (the visit socket), Keycloak and nothing else;</li>
 *   <li>no framing ({@code frame-ancestors 'none'} and {@code X-Frame-Options}), against clickjacking
 *       (a framed call page could be made to share a screen or unmute);</li>
 *   <li>no {@code Referer}: the patient's address carries a join link token until the page removes it;</li>
 *   <li>camera, microphone, screen capture and speaker choice for this origin only; no MIME sniffing;
 *       revalidation on every load so that a new page version is seen at once.</li>
 * </ul>
 */
@ApplicationScoped
public class VisitPageSecurityHeaders {

    /** Runs before the static files and routes. */
    private static final int PRIORITY = 100;

    private final String contentSecurityPolicy;

    public VisitPageSecurityHeaders(VisitPagesConfig config) {
        Set<String> connect = new LinkedHashSet<>();
        connect.add("'self'");
        connect.add(originOf(config.authServerUrl()));
        config.socketUrl().ifPresent(url -> connect.add(originOf(url)));
        this.contentSecurityPolicy = contentSecurityPolicy(String.join(" ", connect));
    }

    void register(@Observes Filters filters) {
        filters.register(context -> {
            String path = context.normalizedPath();
            if (path.equals("/visit") || path.startsWith("/visit/")) {
                MultiMap headers = context.response().headers();
                headers.set("Content-Security-Policy", contentSecurityPolicy);
                headers.set("X-Frame-Options", "DENY");
                headers.set("Referrer-Policy", "no-referrer");
                headers.set("X-Content-Type-Options", "nosniff");
                headers.set("Cross-Origin-Opener-Policy", "same-origin");
                headers.set("Permissions-Policy", "camera=(self), microphone=(self), display-capture=(self), "
                        + "speaker-selection=(self), geolocation=(), payment=(), usb=()");
                headers.set("Cache-Control", "no-cache");
            }
            context.next();
        }, PRIORITY);
    }

    static String contentSecurityPolicy(String connectSources) {
        return String.join("; ",
                "default-src 'none'",
                "script-src 'self'",
                "style-src 'self'",
                "img-src 'self' data:",
                "media-src 'self' blob: mediastream:",
                "connect-src " + connectSources,
                "base-uri 'none'",
                "form-action 'none'",
                "frame-ancestors 'none'");
    }

    /** {@code scheme://host[:port]} of a URL, as a CSP source expression. */
    static String originOf(URI url) {
        URI absolute = requireAbsolute(url);
        return absolute.getScheme() + "://" + absolute.getHost() + (absolute.getPort() == -1 ? "" : ":" + absolute.getPort());
    }

    static URI requireAbsolute(URI url) {
        if (url.getScheme() == null || url.getHost() == null) {
            throw new IllegalArgumentException("signaling.pages URLs must be absolute, got '" + url + "'");
        }
        return url;
    }
}
