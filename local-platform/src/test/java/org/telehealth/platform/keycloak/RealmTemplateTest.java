package org.telehealth.platform.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RealmTemplateTest {

    @Test
    void shouldFillKnownPlaceholdersAndFallBackToDefaults() {
        String template = "{\"a\":\"${TELEHEALTH_PORTAL_URL:http://localhost:8081}/*\",\"b\":\"${TELEHEALTH_SECRET:demo}\"}";

        String rendered = RealmTemplate.render(template, Map.of("TELEHEALTH_PORTAL_URL", "http://localhost:9081"));

        assertThat(rendered).isEqualTo("{\"a\":\"http://localhost:9081/*\",\"b\":\"demo\"}");
    }

    @Test
    void shouldLeaveKeycloaksOwnExpressionsAlone() {
        String template = "{\"description\":\"${role_offline-access}\",\"x\":\"${TELEHEALTH_NO_DEFAULT}\"}";

        assertThat(RealmTemplate.render(template, Map.of())).isEqualTo(template);
    }

    @Test
    void shouldNotInterpretReplacementCharacters() {
        assertThat(RealmTemplate.render("${TELEHEALTH_X}", Map.of("TELEHEALTH_X", "a$1\\b"))).isEqualTo("a$1\\b");
    }
}
