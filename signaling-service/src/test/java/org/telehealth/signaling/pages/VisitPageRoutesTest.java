package org.telehealth.signaling.pages;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.telehealth.infra.testing.KafkaTestResource;
import org.telehealth.infra.testing.TokenIssuerTestResource;
import org.telehealth.signaling.ws.JoinLinkKeysTestResource;

/** The visit pages and their settings are public, served at a visit's address only, and protected by browser headers. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(TokenIssuerTestResource.class)
@WithTestResource(JoinLinkKeysTestResource.class)
class VisitPageRoutesTest {

    private static final Pattern SCRIPT = Pattern.compile("<script\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern IMPORT = Pattern.compile("^import .* from '\\./([a-z-]+\\.js)';$", Pattern.MULTILINE);

    @Test
    void shouldServeThePatientsPageAtTheVisitsAddressWithItsSecurityHeaders() {
        withSecurityHeaders(given().when().get("/visit/" + UUID.randomUUID() + "?t=a.b.c").then().statusCode(200))
                .contentType(containsString("text/html"))
                .header("Cache-Control", equalTo("no-store"))
                .body(containsString("<script type=\"module\" src=\"/visit/assets/js/main.js\"></script>"));
    }

    @Test
    void shouldServeTheSamePageToTheDoctorAtHost() {
        String patients = given().when().get("/visit/" + UUID.randomUUID()).then().statusCode(200).extract().asString();

        withSecurityHeaders(given().when().get("/visit/" + UUID.randomUUID() + "/host").then().statusCode(200))
                .body(equalTo(patients));
    }

    @Test
    void shouldServeNoPageForAddressesThatNameNoVisit() {
        given().when().get("/visit/not-a-visit").then().statusCode(404);
        given().when().get("/visit/" + UUID.randomUUID() + "/elsewhere").then().statusCode(404);
        given().when().get("/visit/").then().statusCode(404);
    }

    @Test
    void shouldServeThePagesSettingsWithoutAToken() {
        withSecurityHeaders(given().when().get("/visit/config.json").then().statusCode(200))
                .contentType(containsString("application/json"))
                .body("authServerUrl", equalTo("http://localhost:8180/realms/telehealth"))
                .body("clientId", equalTo("telehealth-portal"))
                .body("socketUrl", nullValue());
    }

    @Test
    void shouldLetThePageTalkToThisServiceAndKeycloakOnly() {
        given().when().get("/visit/" + UUID.randomUUID()).then()
                .header("Content-Security-Policy", containsString("connect-src 'self' http://localhost:8180;"))
                .header("Permissions-Policy", containsString("camera=(self)"))
                .header("Permissions-Policy", containsString("microphone=(self)"));
    }

    @Test
    void shouldProtectTheStaticFilesToo() {
        withSecurityHeaders(given().when().get("/visit/assets/visit.css").then().statusCode(200))
                .contentType(containsString("text/css"));
    }

    /**
     * The policy allows no inline script: the page must load only script files, and every module
     * the page imports must be served as JavaScript (a typo would leave a blank page).
     */
    @Test
    void shouldLoadOnlyScriptFilesThatExist() {
        String page = given().when().get("/visit/" + UUID.randomUUID()).then().statusCode(200).extract().asString();
        Matcher scripts = SCRIPT.matcher(page);
        List<String> modules = new ArrayList<>();
        while (scripts.find()) {
            assertThat(scripts.group(1)).as("every script has a src").contains("src=");
            modules.add(scripts.group(1).replaceAll(".*src=\"([^\"]+)\".*", "$1"));
        }
        assertThat(modules).containsExactly("/visit/assets/js/main.js");
        for (int i = 0; i < modules.size(); i++) {
            Response module = given().when().get(modules.get(i));
            assertThat(module.statusCode()).as(modules.get(i)).isEqualTo(200);
            assertThat(module.contentType()).as(modules.get(i)).contains("javascript");
            Matcher imports = IMPORT.matcher(module.asString());
            while (imports.find()) {
                String imported = "/visit/assets/js/" + imports.group(1);
                if (!modules.contains(imported)) {
                    modules.add(imported);
                }
            }
        }
        assertThat(modules).hasSizeGreaterThan(10);
        assertThat(page).doesNotContain("style=");
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
