package org.telehealth.recording.lifecycle.listener;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * What both listeners do around the handling of one event: retry it with backoff while it fails
 * (the database away) for at most {@code recording.events.retry-for}, then log it by id and move
 * on; count every outcome. Blocking, on the listener's worker thread; the record is acknowledged
 * when this returns, so at least once: a crash redelivers and the event id drops the copy.
 */
@ApplicationScoped
public class EventApplier {

    private static final Logger LOG = Logger.getLogger(EventApplier.class);

    private final EventsConfig config;
    private final MeterRegistry metrics;

    public EventApplier(EventsConfig config, MeterRegistry metrics) {
        this.config = config;
        this.metrics = metrics;
    }

    void apply(UUID eventId, String type, Supplier<String> handling) {
        long deadline = System.nanoTime() + config.retryFor().toNanos();
        Duration backoff = Duration.ofMillis(200);
        while (true) {
            try {
                String outcome = handling.get();
                LOG.debugf("event %s (%s): %s", eventId, type, outcome);
                count(outcome);
                return;
            } catch (RuntimeException e) {
                if (System.nanoTime() + backoff.toNanos() > deadline) {
                    LOG.errorf("gave up on event %s (%s) after retrying for %s: %s", eventId, type, config.retryFor(),
                            e.getClass().getSimpleName());
                    count("failed");
                    return;
                }
                LOG.debugf("event %s (%s) failed (%s); retrying in %s", eventId, type, e.getClass().getSimpleName(), backoff);
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10)
                        : backoff.multipliedBy(2);
            }
        }
    }

    void malformed(ConsumerRecord<?, ?> record) {
        LOG.warnf("skipped a record that is not an event this service reads, at %s-%d@%d", record.topic(), record.partition(),
                record.offset());
        count("malformed");
    }

    private void count(String outcome) {
        metrics.counter("recording.events", "outcome", outcome).increment();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
