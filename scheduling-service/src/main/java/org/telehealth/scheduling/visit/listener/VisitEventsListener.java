package org.telehealth.scheduling.visit.listener;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executor;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.telehealth.events.EventCodec;
import org.telehealth.events.EventEnvelope;
import org.telehealth.events.MalformedEventException;
import org.telehealth.events.visit.VisitEvent;
import org.telehealth.events.visit.VisitEvents;
import org.telehealth.scheduling.visit.VisitConfig;
import org.telehealth.scheduling.visit.service.VisitEventOutcome;
import org.telehealth.scheduling.visit.service.VisitEventService;

/**
 * Follows signaling's visit events (topic {@code telehealth.visits}, consumer group
 * {@code scheduling-service}, channel {@value #CHANNEL}) and hands each to {@link VisitEventService}.
 *
 * <p>At least once: a record is acknowledged, and its offset committed, only after the transaction
 * that applied it committed, so a crash or rebalance redelivers it and the service drops it by its
 * event id. Nothing stops the partition: a record that is not a visit event is logged by its position
 * only (its bytes may hold anything) and skipped; an event whose handling keeps failing is retried
 * with backoff for {@code scheduling.visit.retry-for}, then logged by id and skipped.
 */
@ApplicationScoped
public class VisitEventsListener {

    static final String CHANNEL = "visit-events";
    private static final Logger LOG = Logger.getLogger(VisitEventsListener.class);

    private final EventCodec codec = new EventCodec(VisitEvents.CATALOG);
    private final VisitEventService visits;
    private final VisitConfig config;
    private final MeterRegistry metrics;

    public VisitEventsListener(VisitEventService visits, VisitConfig config, MeterRegistry metrics) {
        this.visits = visits;
        this.config = config;
        this.metrics = metrics;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(Message<byte[]> record) {
        EventEnvelope<?> event;
        try {
            event = codec.decode(record.getPayload());
        } catch (MalformedEventException e) {
            LOG.warnf("skipped a record that is not a visit event, at %s", positionOf(record));
            count("malformed");
            return ack(record);
        }
        VisitEvent data = (VisitEvent) event.data();
        Executor thisContext = onContextOf(Vertx.currentContext());
        return Uni.createFrom().deferred(() -> visits.apply(event.id(), data))
                // a retry comes back on a timer thread; Hibernate Reactive works only on the Vert.x context
                .runSubscriptionOn(thisContext)
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10))
                .expireIn(config.retryFor().toMillis())
                .onItemOrFailure().transformToUni((outcome, failure) -> {
                    if (failure != null) {
                        LOG.errorf("gave up on visit event %s (%s, visit %s) after retrying for %s: %s", event.id(),
                                event.type(), data.visitId(), config.retryFor(), failure.getClass().getSimpleName());
                        count("failed");
                    } else {
                        log(outcome, event, data);
                        count(outcome.name().toLowerCase(Locale.ROOT));
                    }
                    return ack(record);
                });
    }

    private static void log(VisitEventOutcome outcome, EventEnvelope<?> event, VisitEvent data) {
        switch (outcome) {
            case APPLIED -> LOG.infof("visit event %s (%s) moved appointment %s", event.id(), event.type(), data.visitId());
            case UNKNOWN_VISIT -> LOG.debugf("ignored visit event %s: no appointment %s", event.id(), data.visitId());
            case DUPLICATE -> LOG.debugf("dropped visit event %s: handled before", event.id());
            case UNCHANGED -> LOG.debugf("visit event %s (%s) changes nothing for appointment %s", event.id(), event.type(),
                    data.visitId());
        }
    }

    private static Executor onContextOf(Context context) {
        return context == null ? Runnable::run : task -> context.runOnContext(ignored -> task.run());
    }

    private void count(String outcome) {
        metrics.counter("scheduling.visit.events", "outcome", outcome).increment();
    }

    private static Uni<Void> ack(Message<?> record) {
        return Uni.createFrom().completionStage(record::ack);
    }

    private static String positionOf(Message<?> record) {
        return record.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(m -> m.getTopic() + "-" + m.getPartition() + "@" + m.getOffset())
                .orElse("an unknown position");
    }
}
