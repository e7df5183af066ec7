package org.telehealth.signaling.pages;

import io.vertx.core.json.JsonObject;

/**
 * The visit pages' run-time settings as {@code /visit/config.json} shows them to the browser.
 *
 * @param authServerUrl Keycloak realm URL, e.g. {@code http://localhost:8180/realms/telehealth}
 * @param clientId the public OIDC client the doctor's page signs in with
 * @param socketUrl base URL of the visit socket ({@code ws(s)://host[:port]}), or null for the page's own origin
 */
record VisitPageSettings(String authServerUrl, String clientId, String socketUrl) {

    static VisitPageSettings of(VisitPagesConfig config) {
        return new VisitPageSettings(VisitPageSecurityHeaders.requireAbsolute(config.authServerUrl()).toString().replaceAll("/+$", ""),
                config.clientId(),
                config.socketUrl().map(url -> VisitPageSecurityHeaders.requireAbsolute(url).toString().replaceAll("/+$", ""))
                        .orElse(null));
    }

    String toJson() {
        return new JsonObject().put("authServerUrl", authServerUrl).put("clientId", clientId).put("socketUrl", socketUrl)
                .encode();
    }
}
