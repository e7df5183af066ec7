package org.telehealth.scheduling.portal;

/**
 * The portal's run-time settings as {@code /portal/config.json} shows them to the browser.
 *
 * @param authServerUrl Keycloak realm URL, e.g. {@code http://localhost:8180/realms/telehealth}
 * @param clientId the public OIDC client of the portal
 * @param visitUrl prefix of a visit's page; the appointment id follows it
 * @param refreshSeconds seconds between two reloads of the visit lists
 */
public record PortalSettings(String authServerUrl, String clientId, String visitUrl, long refreshSeconds) {

    static PortalSettings of(PortalConfig config) {
        String visitUrl = config.visitUrl().toString();
        return new PortalSettings(config.authServerUrl().toString().replaceAll("/+$", ""), config.clientId(),
                visitUrl.endsWith("/") ? visitUrl : visitUrl + "/", Math.max(1, config.refreshInterval().toSeconds()));
    }
}
