package org.telehealth.recording.outbox;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

/**
 * Sends the outbox's events to Kafka in the order they were written and marks each sent only once
 * the broker acknowledged it, so that an outcome the service committed reaches signaling even when
 * Kafka was down at the time: the event waits in the table and a later round sends it.
 *
 * <p>One relay at a time across instances (a transaction-scoped advisory lock per round). Per key,
 * first copies must reach Kafka in seq order, so a round stops at the first send that fails at once,
 * the producer never expires a record by itself, and a round that is not fully acknowledged in
 * time closes its producer at once (dropping what it still holds) before the next round resends
 * with a new one. A resent event keeps its id; consumers drop the copy. The same scheme as
 * scheduling-service's relay, which proved it through a Kafka outage.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Advisory lock key of the relay ("rec-obx" in ASCII); the recording database is this service's own. */
    private static final long RELAY_LOCK = 0x7265632d6f6278L;
    private static final int MAX_ROUNDS_PER_RUN = 50;

    private final AgroalDataSource dataSource;
    private final OutboxRelayConfig config;
    private final OutboxProducerFactory producers;
    private final Counter published;
    private final Counter failedRounds;
    private volatile KafkaProducer<String, byte[]> producer;
    private volatile boolean kafkaWasDown;

    public OutboxRelay(AgroalDataSource dataSource, OutboxRelayConfig config, OutboxProducerFactory producers,
            MeterRegistry metrics) {
        this.dataSource = dataSource;
        this.config = config;
        this.producers = producers;
        this.published = metrics.counter("recording.outbox.published");
        this.failedRounds = metrics.counter("recording.outbox.send.failures");
    }

    @Scheduled(every = "${recording.outbox.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "recording-outbox-relay")
    void relay() {
        for (int round = 0; round < MAX_ROUNDS_PER_RUN && relayRound() == config.batchSize(); round++) {
            // a full batch went out: there may be more
        }
    }

    /** Lock, read a batch, send it, mark the acknowledged prefix. Returns the batch size if all of it went out, else 0. */
    int relayRound() {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                if (!tryLock(connection)) {
                    connection.rollback();
                    return 0;
                }
                List<Pending> batch = pending(connection);
                List<Long> acknowledged = send(batch);
                markPublished(connection, acknowledged);
                deleteOldPublished(connection);
                connection.commit();
                published.increment(acknowledged.size());
                return acknowledged.size() == batch.size() ? batch.size() : 0;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            LOG.warnf("outbox relay: database unavailable (%s); retrying", e.getSQLState());
            return 0;
        }
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, RELAY_LOCK);
            try (ResultSet result = lock.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private List<Pending> pending(Connection connection) throws SQLException {
        List<Pending> batch = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("select seq, event_id, topic, record_key, event_type, payload "
                + "from outbox_event where published_at is null order by seq limit ?")) {
            select.setInt(1, config.batchSize());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    batch.add(new Pending(rows.getLong(1), rows.getObject(2, UUID.class), rows.getString(3), rows.getString(4),
                            rows.getString(5), rows.getBytes(6)));
                }
            }
        }
        return batch;
    }

    private List<Long> send(List<Pending> batch) {
        if (producer == null) {
            producer = producers.create(config.sendTimeout());
        }
        List<Future<RecordMetadata>> sends = new ArrayList<>(batch.size());
        try {
            for (Pending event : batch) {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(event.topic(), event.key(), event.payload());
                record.headers().add("event-id", event.id().toString().getBytes(StandardCharsets.US_ASCII));
                record.headers().add("event-type", event.type().getBytes(StandardCharsets.US_ASCII));
                Future<RecordMetadata> sent = producer.send(record);
                sends.add(sent);
                if (failedAtOnce(sent)) {
                    break; // no metadata: an event sent after this one could overtake it
                }
            }
        } catch (RuntimeException e) {
            kafkaDown(e);
        }
        List<Long> acknowledged = new ArrayList<>(sends.size());
        long deadline = System.nanoTime() + config.sendTimeout().toNanos();
        for (int i = 0; i < sends.size(); i++) {
            try {
                sends.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acknowledged.add(batch.get(i).seq());
            } catch (ExecutionException | TimeoutException e) {
                kafkaDown(e);
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (acknowledged.size() < batch.size()) {
            abandonProducer();
        }
        if (!acknowledged.isEmpty() && kafkaWasDown) {
            kafkaWasDown = false;
            LOG.info("outbox relay: Kafka is back, sending the events that waited");
        }
        return acknowledged;
    }

    private static boolean failedAtOnce(Future<RecordMetadata> sent) {
        if (!sent.isDone()) {
            return false;
        }
        try {
            sent.get();
            return false;
        } catch (ExecutionException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /** Closes the producer without waiting: what it has not handed to the broker fails, so nothing of this round overtakes the resend. */
    private void abandonProducer() {
        if (producer != null) {
            producer.close(Duration.ZERO);
            producer = null;
        }
    }

    private void kafkaDown(Exception e) {
        failedRounds.increment();
        if (!kafkaWasDown) {
            kafkaWasDown = true;
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            LOG.warnf("outbox relay: Kafka did not acknowledge (%s); events wait in the outbox and are retried",
                    cause.getClass().getSimpleName());
        }
    }

    private static void markPublished(Connection connection, List<Long> seqs) throws SQLException {
        if (seqs.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement("update outbox_event set published_at = now() where seq = any(?)")) {
            update.setArray(1, connection.createArrayOf("bigint", seqs.toArray()));
            update.executeUpdate();
        }
    }

    private void deleteOldPublished(Connection connection) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "delete from outbox_event where published_at < now() - make_interval(secs => ?)")) {
            delete.setDouble(1, config.keepPublished().toSeconds());
            delete.executeUpdate();
        }
    }

    @PreDestroy
    void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    private record Pending(long seq, UUID id, String topic, String key, String type, byte[] payload) {
    }
}
