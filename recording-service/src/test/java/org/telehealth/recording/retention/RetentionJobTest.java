package org.telehealth.recording.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.telehealth.recording.testsupport.ApiCalls.perform;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telehealth.infra.testing.KafkaTestResource;
import org.telehealth.infra.testing.PostgresTestResource;
import org.telehealth.infra.testing.TestTokens;
import org.telehealth.infra.testing.TokenIssuerTestResource;
import org.telehealth.recording.encryption.MasterKeyRing;
import org.telehealth.recording.storage.RecordingStorage;
import org.telehealth.recording.testsupport.Database;
import org.telehealth.recording.testsupport.RecordingFilesTestResource;
import org.telehealth.recording.testsupport.RecordingFixtures;

/**
 * The retention policy (P365D here, the default): completed recordings that ended longer ago lose
 * their content and are marked deleted by the policy, once each even when several instances run the
 * job at the same moment; younger ones are untouched; the records, consents and audit stay.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(TokenIssuerTestResource.class)
@WithTestResource(RecordingFilesTestResource.class)
class RetentionJobTest {

    @Inject
    RetentionJob job;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    RecordingStorage storage;

    @Inject
    MasterKeyRing keys;

    private final String doctor = "doctor." + UUID.randomUUID();
    private RecordingFixtures fixtures;
    private Database database;

    @BeforeEach
    void setUp() {
        fixtures = new RecordingFixtures(dataSource, storage, keys);
        database = new Database(dataSource);
    }

    @Test
    void shouldDeleteTheContentOfRecordingsPastRetentionAndKeepTheirRecord() throws Exception {
        UUID expired = recordingEnded(Duration.ofDays(366));
        UUID kept = recordingEnded(Duration.ofDays(364));

        job.deleteExpired();

        assertThat(database.value("select status from recording where id = ?", expired)).isEqualTo("DELETED");
        assertThat(database.value("select deleted_by from recording where id = ?", expired)).isEqualTo(RetentionJob.ACTOR);
        assertThat(fixtures.storedFile(expired)).doesNotExist();
        assertThat(database.value("select count(*) from access_audit where recording_id = ? and action = 'RETENTION_DELETE'",
                expired)).isEqualTo(1L);
        assertThat(database.value("select status from recording where id = ?", kept)).isEqualTo("COMPLETED");
        assertThat(fixtures.storedFile(kept)).exists();
        String token = TestTokens.forUser(doctor, "doctor");
        perform(token, "GET /api/recordings/" + expired + "/content").then().statusCode(410);
        perform(token, "GET /api/recordings/" + kept + "/content").then().statusCode(200);
    }

    @Test
    void shouldDeleteEachExpiredRecordingOnceWhenInstancesRunTheJobTogether() throws Exception {
        List<UUID> expired = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            expired.add(recordingEnded(Duration.ofDays(400 + i)));
        }
        ExecutorService instances = Executors.newFixedThreadPool(4);
        List<Future<Integer>> runs = new ArrayList<>();
        Callable<Integer> run = job::deleteExpired;
        try {
            for (int i = 0; i < 4; i++) {
                runs.add(instances.submit(run));
            }
            int deleted = 0;
            for (Future<Integer> result : runs) {
                deleted += result.get();
            }
            assertThat(deleted).isEqualTo(expired.size());
        } finally {
            instances.shutdownNow();
        }

        for (UUID id : expired) {
            assertThat(database.value("select status from recording where id = ?", id)).isEqualTo("DELETED");
            assertThat(database.value("select count(*) from access_audit where recording_id = ? and action = 'RETENTION_DELETE'",
                    id)).isEqualTo(1L);
            assertThat(fixtures.storedFile(id)).doesNotExist();
        }
        assertThat(job.deleteExpired()).isZero();
    }

    private UUID recordingEnded(Duration ago) {
        return fixtures.completed(UUID.randomUUID(), TestTokens.subjectOf(doctor), "nobody", fixtures.randomVideo(1000),
                Instant.now().minus(ago));
    }
}
