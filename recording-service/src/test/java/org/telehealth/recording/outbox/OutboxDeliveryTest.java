package org.telehealth.recording.outbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.telehealth.recording.persistence.BlockingTransactions.await;
import static org.telehealth.infra.testing.Eventually.eventually;
import static org.telehealth.recording.testsupport.RecordingOutcomes.has;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.telehealth.events.recording.ExpectedParticipant;
import org.telehealth.events.recording.RecordingEvent;
import org.telehealth.events.recording.RecordingFailed;
import org.telehealth.events.recording.RecordingRequested;
import org.telehealth.events.recording.RecordingStopRequested;
import org.telehealth.events.visit.ParticipantRole;
import org.telehealth.infra.testing.KafkaTestResource;
import org.telehealth.infra.testing.PostgresTestResource;
import org.telehealth.infra.testing.TokenIssuerTestResource;
import org.telehealth.recording.lifecycle.service.RecordingLifecycle;
import org.telehealth.recording.testsupport.Database;
import org.telehealth.recording.testsupport.RecordingFilesTestResource;
import org.telehealth.recording.testsupport.RecordingOutcomes;

/**
 * An outcome committed while Kafka is away is not lost: it waits in the outbox and reaches
 * telehealth.recordings once the broker is back.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(TokenIssuerTestResource.class)
@WithTestResource(RecordingFilesTestResource.class)
class OutboxDeliveryTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    RecordingLifecycle lifecycle;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void shouldDeliverAnOutcomeCommittedWhileKafkaWasDown() throws Exception {
        UUID recording = UUID.randomUUID();
        UUID visit = UUID.randomUUID();
        String doctor = "doctor-" + UUID.randomUUID();
        Database database = new Database(dataSource);

        KafkaTestResource.restartAfter(() -> {
            await(() -> lifecycle.request(UUID.randomUUID(), new RecordingRequested(recording, visit, doctor,
                    List.of(new ExpectedParticipant(doctor, ParticipantRole.DOCTOR, doctor)), Instant.now())));
            await(() -> lifecycle.stop(UUID.randomUUID(), new RecordingStopRequested(recording, visit, doctor,
                    RecordingStopRequested.DOCTOR_STOPPED, Instant.now())));
            sleep(Duration.ofSeconds(3)); // the relay tries and fails meanwhile
            assertThat(database.value("select count(*) from outbox_event where record_key = ? and published_at is null",
                    visit.toString())).isEqualTo(1L);
        });

        try (RecordingOutcomes outcomes = new RecordingOutcomes(bootstrap)) {
            List<RecordingEvent> events = outcomes.await(recording, has(RecordingFailed.class), Duration.ofSeconds(90));
            assertThat(((RecordingFailed) events.get(0)).reason()).isEqualTo(RecordingFailed.CANCELLED);
            assertThat(outcomes.keyOf(recording)).isEqualTo(visit.toString());
        }
        // and the service is ready again, consumers reconnected (the next test class shares this instance)
        eventually(Duration.ofSeconds(90), () -> given().get("/q/health/ready").then().statusCode(200));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
