package org.telehealth.recording.retention;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.telehealth.recording.audit.AuditAction;
import org.telehealth.recording.audit.AuditOutcome;
import org.telehealth.recording.storage.RecordingStorage;

/**
 * The hospital's retention policy: a completed recording whose end is older than
 * {@code recording.retention} loses its content (the encrypted file, and with it the only copy of its
 * wrapped data key) and is marked deleted by {@value #ACTOR}; the record, its consents and the audit
 * stay. Every instance runs the job; rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so two
 * instances never work on one recording and each is deleted and audited once. Content is deleted
 * before the row is marked, so a failure in between leaves a row the next run finishes.
 */
@ApplicationScoped
public class RetentionJob {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class);
    static final String ACTOR = "retention-policy";

    private final AgroalDataSource dataSource;
    private final RecordingStorage storage;
    private final Clock clock;
    private final Duration retention;
    private final int batchSize;
    private final MeterRegistry metrics;

    public RetentionJob(AgroalDataSource dataSource, RecordingStorage storage, Clock clock,
            @ConfigProperty(name = "recording.retention") Duration retention,
            @ConfigProperty(name = "recording.retention-batch-size") int batchSize, MeterRegistry metrics) {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("recording.retention must be a positive duration, not " + retention);
        }
        this.dataSource = dataSource;
        this.storage = storage;
        this.clock = clock;
        this.retention = retention;
        this.batchSize = batchSize;
        this.metrics = metrics;
    }

    @Scheduled(every = "${recording.retention-check-interval}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "recording-retention")
    void run() {
        try {
            int deleted = deleteExpired();
            if (deleted > 0) {
                LOG.infof("retention: deleted the content of %d recording(s) older than %s", deleted, retention);
            }
        } catch (SQLException e) {
            LOG.warnf("retention: database unavailable (%s); retrying at the next run", e.getSQLState());
        }
    }

    /** Deletes the content of every recording past retention; returns how many this call deleted. */
    public int deleteExpired() throws SQLException {
        int total = 0;
        while (true) {
            int deleted = deleteBatch();
            total += deleted;
            if (deleted < batchSize) {
                return total;
            }
        }
    }

    private int deleteBatch() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                List<Expired> expired = claim(connection);
                int deleted = 0;
                for (Expired recording : expired) {
                    try {
                        if (recording.storageKey() != null) {
                            storage.delete(recording.storageKey());
                        }
                    } catch (IOException e) {
                        LOG.warnf("retention: the content of recording %s could not be deleted (%s); retrying at the next run",
                                recording.id(), e.getMessage());
                        break;
                    }
                    markDeleted(connection, recording);
                    deleted++;
                }
                connection.commit();
                metrics.counter("recording.retention.deleted").increment(deleted);
                return deleted == expired.size() ? deleted : 0;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private List<Expired> claim(Connection connection) throws SQLException {
        List<Expired> expired = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("select id, visit_id, storage_key from recording "
                + "where status = 'COMPLETED' and ended_at < ? order by ended_at limit ? for update skip locked")) {
            select.setObject(1, OffsetDateTime.ofInstant(clock.instant().minus(retention), ZoneOffset.UTC));
            select.setInt(2, batchSize);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    expired.add(new Expired(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class), rows.getString(3)));
                }
            }
        }
        return expired;
    }

    private void markDeleted(Connection connection, Expired recording) throws SQLException {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        try (PreparedStatement update = connection.prepareStatement("update recording set status = 'DELETED', deleted_at = ?, "
                + "deleted_by = ?, chunk_index = null where id = ?")) {
            update.setObject(1, now);
            update.setString(2, ACTOR);
            update.setObject(3, recording.id());
            update.executeUpdate();
        }
        try (PreparedStatement audit = connection.prepareStatement("insert into access_audit (at, actor_id, actor_roles, action, "
                + "recording_id, visit_id, outcome, detail) values (?, ?, '', ?, ?, ?, ?, ?)")) {
            audit.setObject(1, now);
            audit.setString(2, ACTOR);
            audit.setString(3, AuditAction.RETENTION_DELETE.name());
            audit.setObject(4, recording.id());
            audit.setObject(5, recording.visitId());
            audit.setString(6, AuditOutcome.GRANTED.name());
            audit.setString(7, "ended more than " + retention + " ago");
            audit.executeUpdate();
        }
    }

    private record Expired(UUID id, UUID visitId, String storageKey) {
    }
}
