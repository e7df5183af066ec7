package org.telehealth.support.outbox;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
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
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * Sends the outbox's events to Kafka in the order they were written, and marks each one sent only
 * once the broker acknowledged it (acks=all). While Kafka is down the events simply wait in the
 * table; nothing is lost and the next round sends them, still in order.
 *
 * <p>One relay at a time across all instances: a round holds a PostgreSQL transaction-scoped
 * advisory lock, so two instances never interleave sends. Within a round only the acknowledged
 * prefix is marked; an event sent but not marked (a round given up, a crash between the two) is
 * sent again, and consumers drop it by its id.
 *
 * <p>Per key, the first copy of each event must reach Kafka in seq order, or a consumer that drops
 * redeliveries sees "cancelled" before "scheduled". So whatever one producer gets onto a partition
 * must be a prefix of what it was given: a round stops sending at the first event that fails at
 * once (no metadata while the broker is away), the producer never expires a record on its own
 * (the idempotent producer then keeps a partition's records in order, retrying as long as needed),
 * and a round that does not get everything acknowledged in time closes its producer at once,
 * dropping what it still holds, before the next round sends those events again with a new one.
 * Blocking JDBC on a scheduler worker thread keeps this simple; the request path never waits for it.
 *
 * <p>Not a bean: each service runs one from a small {@code @Scheduled} job of its own, which gives it
 * the service's name (metrics {@code <service>.outbox.published} and
 * {@code <service>.outbox.send.failures}, Kafka client id {@code <service>-outbox-relay}), its
 * advisory lock key and its settings, and closes it at shutdown.
 */
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int MAX_ROUNDS_PER_RUN = 50;

    /** Key of the advisory lock that makes the relay single across the service's instances. */
    private final long lockKey;
    private final AgroalDataSource dataSource;
    private final OutboxRelaySettings settings;
    private final OutboxProducerFactory producers;
    /** The producer of the rounds since the last one given up; made when needed, used by one round at a time. */
    private volatile KafkaProducer<String, byte[]> producer;
    private final Counter published;
    private final Counter failedRounds;
    private volatile boolean kafkaWasDown;

    /**
     * @param service  the service's name, prefix of the relay's metrics and Kafka client id
     * @param lockKey  key of the PostgreSQL advisory lock the rounds hold; one per database, kept as it is
     *                 (instances of two versions of a service must agree on it)
     * @param settings the service's outbox settings
     * @param kafka    the service's configuration, whose {@code kafka.*} settings the producer uses
     */
    public OutboxRelay(String service, long lockKey, OutboxRelaySettings settings, AgroalDataSource dataSource,
            Config kafka, MeterRegistry metrics) {
        this.lockKey = lockKey;
        this.dataSource = dataSource;
        this.settings = settings;
        this.producers = new OutboxProducerFactory(kafka, service + "-outbox-relay");
        this.published = metrics.counter(service + ".outbox.published");
        this.failedRounds = metrics.counter(service + ".outbox.send.failures");
    }

    /** Runs rounds until one sends less than a full batch (at most 50); call from one thread at a time. */
    public void relay() {
        for (int round = 0; round < MAX_ROUNDS_PER_RUN; round++) {
            int sent = relayRound();
            if (sent < settings.batchSize()) {
                return;
            }
        }
    }

    /** One round: lock, read a batch, send it, mark what Kafka acknowledged. Returns how many were sent. */
    int relayRound() {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                if (!tryLock(connection)) {
                    connection.rollback();
                    return 0;
                }
                List<PendingEvent> batch = pending(connection);
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

    private boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, lockKey);
            try (ResultSet result = lock.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private List<PendingEvent> pending(Connection connection) throws SQLException {
        List<PendingEvent> batch = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select seq, event_id, topic, record_key, event_type, payload from outbox_event "
                        + "where published_at is null order by seq limit ?")) {
            select.setInt(1, settings.batchSize());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    batch.add(new PendingEvent(rows.getLong(1), rows.getObject(2, UUID.class), rows.getString(3),
                            rows.getString(4), rows.getString(5), rows.getBytes(6)));
                }
            }
        }
        return batch;
    }

    /** Sends the batch and returns the seqs of the acknowledged prefix; gives the producer up unless all were. */
    private List<Long> send(List<PendingEvent> batch) {
        if (producer == null) {
            producer = producers.create(settings.sendTimeout());
        }
        List<Future<RecordMetadata>> sends = new ArrayList<>(batch.size());
        try {
            for (PendingEvent event : batch) {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(event.topic(), event.key(), event.payload());
                record.headers().add("event-id", event.id().toString().getBytes(StandardCharsets.US_ASCII));
                record.headers().add("event-type", event.type().getBytes(StandardCharsets.US_ASCII));
                Future<RecordMetadata> sent = producer.send(record);
                sends.add(sent);
                if (failedAtOnce(sent)) {
                    // no metadata within max.block.ms: an event sent after this one could overtake it
                    break;
                }
            }
        } catch (RuntimeException e) {
            kafkaDown(e);
        }
        List<Long> acknowledged = new ArrayList<>(sends.size());
        long deadline = System.nanoTime() + settings.sendTimeout().toNanos();
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

    /**
     * Closes the producer without waiting, which fails every record it has not handed to the broker
     * yet; those it has are earlier ones and may still be written. Nothing of this round can then
     * overtake the copies the next round sends, with a new producer.
     */
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
        try (PreparedStatement update = connection.prepareStatement(
                "update outbox_event set published_at = now() where seq = any(?)")) {
            Array array = connection.createArrayOf("bigint", seqs.toArray());
            update.setArray(1, array);
            update.executeUpdate();
        }
    }

    private void deleteOldPublished(Connection connection) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "delete from outbox_event where published_at < now() - make_interval(secs => ?)")) {
            delete.setDouble(1, settings.keepPublished().toSeconds());
            delete.executeUpdate();
        }
    }

    /** Closes the producer, giving what it still holds up to 5 s; call at shutdown. */
    public void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    private record PendingEvent(long seq, UUID id, String topic, String key, String type, byte[] payload) {
    }
}
