package org.telehealth.platform.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** The security properties of the realm the repo ships, checked on the file itself. */
class RealmFileTest {

    private static final Path KEYCLOAK = Path.of(System.getProperty("telehealth.repo", ".."), "keycloak");
    private static final List<String> SERVICES = List.of("scheduling-service", "signaling-service", "media-service", "recording-service");

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void shouldDefineThePlatformRoles() throws IOException {
        List<String> roles = texts(realm().path("roles").path("realm"), "name");

        assertThat(roles).contains("doctor", "patient", "admin", "service");
    }

    @Test
    void shouldLetBrowsersInOnlyThroughAuthorizationCodeWithPkce() throws IOException {
        JsonNode portal = client("telehealth-portal");

        assertThat(portal.path("publicClient").asBoolean()).isTrue();
        assertThat(portal.path("standardFlowEnabled").asBoolean()).isTrue();
        assertThat(portal.path("directAccessGrantsEnabled").asBoolean()).isFalse();
        assertThat(portal.path("implicitFlowEnabled").asBoolean()).isFalse();
        assertThat(portal.path("attributes").path("pkce.code.challenge.method").asText()).isEqualTo("S256");
        portal.path("redirectUris").forEach(uri -> assertThat(uri.asText()).doesNotStartWith("*"));
    }

    @Test
    void shouldGiveEachServiceAConfidentialClientWithAServiceAccount() throws IOException {
        JsonNode realm = realm();
        for (String service : SERVICES) {
            JsonNode client = client(service);
            assertThat(client.path("publicClient").asBoolean()).as(service).isFalse();
            assertThat(client.path("serviceAccountsEnabled").asBoolean()).as(service).isTrue();
            assertThat(client.path("standardFlowEnabled").asBoolean()).as(service).isFalse();
            assertThat(client.path("directAccessGrantsEnabled").asBoolean()).as(service).isFalse();
            assertThat(client.path("secret").asText()).as(service).startsWith("${TELEHEALTH_").contains("demo-only");
            JsonNode account = find(realm.path("users"), "serviceAccountClientId", service);
            assertThat(texts(account.path("realmRoles"))).as(service).contains("service");
        }
    }

    @Test
    void shouldKeepDemoUsersOutOfTheRealmFile() throws IOException {
        for (JsonNode user : realm().path("users")) {
            assertThat(user.has("credentials")).as(user.path("username").asText()).isFalse();
        }
    }

    @Test
    void shouldShipTwoDoctorsTwoPatientsAndAnAdminAsDemoUsersReadyToLogIn() throws IOException {
        JsonNode users = json.readTree(KEYCLOAK.resolve("demo/telehealth-users-0.json").toFile()).path("users");
        List<String> roles = new ArrayList<>();
        for (JsonNode user : users) {
            // Keycloak refuses to log in users whose profile is incomplete.
            for (String field : List.of("email", "firstName", "lastName")) {
                assertThat(user.path(field).asText()).as(user.path("username") + "." + field).isNotBlank();
            }
            assertThat(user.path("emailVerified").asBoolean()).isTrue();
            roles.addAll(texts(user.path("realmRoles")));
        }
        assertThat(roles).filteredOn(r -> !r.startsWith("default-roles"))
                .containsExactlyInAnyOrder("doctor", "doctor", "patient", "patient", "admin");
    }

    private JsonNode realm() throws IOException {
        return json.readTree(KEYCLOAK.resolve("telehealth-realm.json").toFile());
    }

    private JsonNode client(String clientId) throws IOException {
        return find(realm().path("clients"), "clientId", clientId);
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        return StreamSupport.stream(array.spliterator(), false)
                .filter(n -> value.equals(n.path(field).asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no entry with " + field + "=" + value));
    }

    private static List<String> texts(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.path(field).asText()).toList();
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
