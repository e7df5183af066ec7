package org.telehealth.media.platform;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.telehealth.infra.testing.KafkaTestResource;
import org.telehealth.infra.testing.OperationalEndpointsContract;
import org.telehealth.infra.testing.TokenIssuerTestResource;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(TokenIssuerTestResource.class)
class ServiceEndpointsTest extends OperationalEndpointsContract {

    @Override
    protected String[] requiredReadinessChecks() {
        return new String[] {"Kafka broker"};
    }
}
