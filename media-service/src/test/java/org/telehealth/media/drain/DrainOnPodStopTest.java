package org.telehealth.media.drain;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.telehealth.events.media.MediaInstanceLoad;
import org.telehealth.infra.testing.KafkaTestResource;
import org.telehealth.infra.testing.TestTokens;
import org.telehealth.infra.testing.TokenIssuerTestResource;

/**
 * The drain the pod's preStop hook starts by creating the request file, as in Kubernetes: new rooms
 * are refused, the drain cannot be called off, and signaling hears of it at once. Load reports are
 * hourly here, so a report within seconds can only be the one the drain sends. Own Quarkus
 * instance: this drain is never lifted.
 */
@QuarkusTest
@TestProfile(DrainOnPodStopTest.RequestFileWatched.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(TokenIssuerTestResource.class)
class DrainOnPodStopTest {

    static final Path REQUEST = Path.of("target", "drain-on-pod-stop-test", "drain-requested").toAbsolutePath();

    public static class RequestFileWatched implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("media.drain.request-file", REQUEST.toString(),
                    "media.instance.load-report-interval", "1h");
        }
    }

    private final String token = TestTokens.forUser("signaling-service", "service");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void shouldDrainWhenThePodsStopCreatesTheRequestFileAndReportItAtOnce() throws IOException {
        given().auth().oauth2(token).put("/api/rooms/before-stop").then().statusCode(204);
        given().auth().oauth2(token).get("/api/instance/drain").then().body("draining", equalTo(false));
        Instant requested = Instant.now();

        Files.createDirectories(REQUEST.getParent());
        Files.writeString(REQUEST, "");

        MediaInstanceLoad load = LoadReports.awaitDrainingReport(bootstrap, requested, Duration.ofSeconds(15));
        assertThat(load.rooms()).isEqualTo(1);
        given().auth().oauth2(token).get("/api/instance/drain").then().statusCode(200)
                .body("draining", equalTo(true)).body("startedBy", equalTo("pod-stop"));
        given().auth().oauth2(token).put("/api/rooms/after-stop").then().statusCode(503)
                .body("detail", containsString("draining"));
        given().auth().oauth2(token).put("/api/rooms/before-stop/participants/nurse").then().statusCode(204);
        given().auth().oauth2(token).delete("/api/instance/drain").then().statusCode(409)
                .contentType("application/problem+json");
        given().auth().oauth2(token).put("/api/rooms/after-stop").then().statusCode(503);
    }
}
