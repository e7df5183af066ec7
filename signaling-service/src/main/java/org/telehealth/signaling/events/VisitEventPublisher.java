package org.telehealth.signaling.events;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.telehealth.events.EventEnvelope;
import org.telehealth.events.visit.VisitEvent;

/**
 * Publishes what happens in visits to topic {@code telehealth.visits}, keyed by visit id so that a
 * visit's events stay in order. The call goes on if Kafka is away: an event that cannot be handed
 * over is counted and logged by type, never retried in the call path.
 */
@ApplicationScoped
public class VisitEventPublisher {

    private static final Logger LOG = Logger.getLogger(VisitEventPublisher.class);

    private final Emitter<EventEnvelope<?>> emitter;
    private final LongAdder notPublished = new LongAdder();

    public VisitEventPublisher(@Channel("visit-events") Emitter<EventEnvelope<?>> emitter) {
        this.emitter = emitter;
    }

    /** Hands the event to Kafka; every {@link VisitEvent} is a record of {@code VisitEvents.CATALOG}. */
    public void publish(VisitEvent event) {
        try {
            emitter.send(Message.of((EventEnvelope<?>) EventEnvelope.of((Record) event, event.at()))
                    .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                            .withKey(event.visitId().toString()).build()));
        } catch (RuntimeException e) {
            notPublished.increment();
            LOG.warnf("Could not publish %s for a visit: %s", event.getClass().getSimpleName(), e.getClass().getSimpleName());
        }
    }

    public long notPublished() {
        return notPublished.sum();
    }
}
