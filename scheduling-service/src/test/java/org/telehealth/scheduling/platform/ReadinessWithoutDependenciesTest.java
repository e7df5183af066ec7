package org.telehealth.scheduling.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.telehealth.infra.testing.FreePorts;

/**
 * Readiness must turn DOWN when the database or Kafka cannot be reached, so that Kubernetes stops
 * sending traffic; liveness stays UP, so that it does not restart a healthy process for it.
 */
@QuarkusTest
@TestProfile(ReadinessWithoutDependenciesTest.NothingReachable.class)
class ReadinessWithoutDependenciesTest {

    public static class NothingReachable implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            int closed = FreePorts.next();
            return Map.of(
                    "quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:" + closed + "/scheduling",
                    "quarkus.datasource.reactive.url", "postgresql://localhost:" + closed + "/scheduling",
                    "quarkus.flyway.migrate-at-start", "false",
                    "quarkus.flyway.clean-at-start", "false",
                    "kafka.bootstrap.servers", "localhost:" + FreePorts.next(),
                    // no token is checked here; keep OIDC from reaching for a Keycloak that is not there
                    "quarkus.oidc.tenant-enabled", "false");
        }
    }

    @Test
    void shouldBeNotReadyWhileDatabaseAndKafkaAreUnreachable() {
        given().when().get("/q/health/ready")
                .then().statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks.find { it.name == 'Reactive PostgreSQL connections health check' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'Kafka broker' }.status", equalTo("DOWN"));
    }

    @Test
    void shouldStayLiveWhileDependenciesAreUnreachable() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }
}
