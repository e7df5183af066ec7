package org.telehealth.recording.platform;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.telehealth.infra.testing.KafkaTestResource;
import org.telehealth.infra.testing.OperationalEndpointsContract;
import org.telehealth.infra.testing.PostgresTestResource;
import org.telehealth.infra.testing.TokenIssuerTestResource;
import org.telehealth.recording.testsupport.RecordingFilesTestResource;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(TokenIssuerTestResource.class)
@WithTestResource(RecordingFilesTestResource.class)
class ServiceEndpointsTest extends OperationalEndpointsContract {

    @Override
    protected String[] requiredReadinessChecks() {
        return new String[] {"Reactive PostgreSQL connections health check", "Kafka broker"};
    }
}
