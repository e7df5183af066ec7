package org.telehealth.scheduling.portal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.telehealth.infra.testing.KafkaTestResource;
import org.telehealth.infra.testing.PostgresTestResource;
import org.telehealth.infra.testing.TokenIssuerTestResource;

/** The portal's pages and settings are public and protected by browser headers; the API is not public. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(TokenIssuerTestResource.class)
class PortalResourceTest {

    private static final Pattern SCRIPT = Pattern.compile("<script\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern IMPORT = Pattern.compile("^import .* from '\\./([a-z-]+\\.js)';$", Pattern.MULTILINE);

    @Test
    void shouldServeThePortalPageWithoutATokenAndWithItsSecurityHeaders() {
        withSecurityHeaders(given().when().get("/portal/").then().statusCode(200))
                .contentType(containsString("text/html"))
                .body(containsString("<script type=\"module\" src=\"js/main.js\"></script>"));
    }

    @Test
    void shouldServeThePortalSettingsWithoutAToken() {
        withSecurityHeaders(given().when().get("/portal/config.json").then().statusCode(200))
                .contentType(containsString("application/json"))
                .body("authServerUrl", equalTo("http://localhost:8180/realms/telehealth"))
                .body("clientId", equalTo("telehealth-portal"))
                .body("visitUrl", equalTo("http://localhost:8082/visit/"))
                .body("refreshSeconds", equalTo(10));
    }

    @Test
    void shouldLetTheBrowserTalkToKeycloakAndNothingElseOutside() {
        given().when().get("/portal/").then()
                .header("Content-Security-Policy", containsString("connect-src 'self' http://localhost:8180;"));
    }

    @Test
    void shouldLeadFromPortalWithoutSlashToThePortal() {
        given().redirects().follow(false).when().get("/portal")
                .then().statusCode(301).header("Location", containsString("/portal/"));
    }

    @Test
    void shouldStillRefuseTheApiWithoutAToken() {
        given().when().get("/api/appointments").then().statusCode(401);
        given().when().get("/api/doctors/me/free-slots").then().statusCode(401);
    }

    /**
     * The policy allows no inline script: the page must load only script files, and every module
     * the portal imports must be served as JavaScript (a typo would leave a blank page).
     */
    @Test
    void shouldLoadOnlyScriptFilesThatExist() {
        String page = given().when().get("/portal/").then().statusCode(200).extract().asString();
        Matcher scripts = SCRIPT.matcher(page);
        List<String> modules = new ArrayList<>();
        while (scripts.find()) {
            assertThat(scripts.group(1)).as("every script has a src").contains("src=");
            modules.add(scripts.group(1).replaceAll(".*src=\"([^\"]+)\".*", "$1"));
        }
        assertThat(modules).containsExactly("js/main.js");
        for (int i = 0; i < modules.size(); i++) {
            Response module = given().when().get("/portal/" + modules.get(i));
            assertThat(module.statusCode()).as(modules.get(i)).isEqualTo(200);
            assertThat(module.contentType()).as(modules.get(i)).contains("javascript");
            Matcher imports = IMPORT.matcher(module.asString());
            while (imports.find()) {
                String imported = "js/" + imports.group(1);
                if (!modules.contains(imported)) {
                    modules.add(imported);
                }
            }
        }
        assertThat(modules).hasSizeGreaterThan(5);
    }

    private static ValidatableResponse withSecurityHeaders(ValidatableResponse response) {
        return response
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .header("Content-Security-Policy", containsString("script-src 'self';"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                .header("X-Frame-Options", equalTo("DENY"))
                .header("Referrer-Policy", equalTo("no-referrer"))
                .header("X-Content-Type-Options", equalTo("nosniff"));
    }
}
