package org.telehealth.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.keycloak.representations.idm.RealmRepresentation;

/** The realm Kubernetes imports is the repository's realm, with every placeholder filled from a Secret. */
class RealmImportTest {

    static final List<String> OVERLAYS = Repository.OVERLAYS;

    /** Keycloak's import placeholders ${NAME} or ${NAME:default}; lower-case ${...} are message keys. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[^}]*)?}");

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void importsTheRealmFileVerbatim(String overlay) {
        JsonNode realmFile = Yaml.value(Yaml.read(realmFile()), realmFile().toString());

        assertThat(realmImport(overlay).at("/spec/realm")).isEqualTo(realmFile);
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyPlaceholderOfTheRealmIsFilledFromASecret(String overlay) {
        Set<String> used = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(Yaml.read(realmFile()));
        while (matcher.find()) {
            used.add(matcher.group(1));
        }
        JsonNode placeholders = realmImport(overlay).at("/spec/placeholders");

        assertThat(used).isNotEmpty();
        assertThat(OverlayInvariantsTest.fieldNames(placeholders)).containsExactlyInAnyOrderElementsOf(used);
        placeholders.forEach(placeholder -> {
            assertThat(placeholder.at("/secret/name").asText()).isNotEmpty();
            assertThat(placeholder.at("/secret/key").asText()).isNotEmpty();
        });
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theRealmIsAValidKeycloakRealmWithNoPersonsAccount(String overlay) throws Exception {
        ObjectMapper strict = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        RealmRepresentation realm = strict.treeToValue(realmImport(overlay).at("/spec/realm"), RealmRepresentation.class);

        assertThat(realm.getRealm()).isEqualTo("telehealth");
        assertThat(realm.getUsers()).as("only the service clients' accounts: demo users are for the local platform only")
                .allSatisfy(user -> {
                    assertThat(user.getServiceAccountClientId()).as(user.getUsername()).isNotBlank();
                    assertThat(user.getCredentials()).as(user.getUsername()).isNullOrEmpty();
                });
        assertThat(realm.getClients()).extracting(client -> client.getClientId())
                .contains("telehealth-portal", "scheduling-service", "signaling-service", "media-service", "recording-service");
    }

    private static JsonNode realmImport(String overlay) {
        return Repository.rendered(overlay).stream().filter(r -> r.kind().equals("KeycloakRealmImport")).findFirst()
                .orElseThrow().node();
    }

    private static Path realmFile() {
        return Repository.root().resolve(Path.of("keycloak", "telehealth-realm.json"));
    }
}
