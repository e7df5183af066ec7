package org.telehealth.signaling.platform;

import static io.restassured.RestAssured.given;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.telehealth.infra.testing.KafkaTestResource;
import org.telehealth.infra.testing.OperationalEndpointsContract;
import org.telehealth.infra.testing.TokenIssuerTestResource;

/**
 * Signaling is ready once Kafka answers and it has read back what the other instances said about
 * visits in progress, which takes a moment after start: the checks wait for that (at most 30 s).
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(TokenIssuerTestResource.class)
class ServiceEndpointsTest extends OperationalEndpointsContract {

    @BeforeEach
    void awaitCaughtUp() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (given().get("/q/health/ready").statusCode() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
    }

    @Override
    protected String[] requiredReadinessChecks() {
        return new String[] {"Kafka broker", "Visits of the other signaling instances"};
    }
}
