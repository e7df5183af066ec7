package org.telehealth.scheduling.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.telehealth.infra.testing.KafkaTestResource;
import org.telehealth.infra.testing.PostgresTestResource;
import org.telehealth.infra.testing.TokenIssuerTestResource;

/** The endpoints a platform operator relies on: probes, metrics and the API description. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(TokenIssuerTestResource.class)
class ServiceEndpointsTest {

    @Test
    void shouldBeReadyOnlyWithItsDatabaseAndKafkaChecked() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Reactive PostgreSQL connections health check", "Kafka connection health check"));
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

    @Test
    void shouldDescribeItsApiInOpenApi() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/me"));
    }
}
