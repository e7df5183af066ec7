package org.telehealth.infra.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import org.junit.jupiter.api.Test;

/**
 * What every service promises the people who run it: liveness, a readiness probe that checks the
 * service's own dependencies, and Prometheus metrics. Each service's test extends this with the
 * readiness checks it must have, inside its own {@code @QuarkusTest}.
 */
public abstract class OperationalEndpointsContract {

    /** Names of the readiness checks that must be present and UP, e.g. the database and Kafka. */
    protected abstract String[] requiredReadinessChecks();

    @Test
    void shouldBeReadyWithEveryDependencyChecked() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems(requiredReadinessChecks()));
    }

    @Test
    void shouldBeLive() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void shouldExposePrometheusMetrics() {
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"));
    }
}
