package org.telehealth.signaling.cluster;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongFunction;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.telehealth.events.EventEnvelope;

/**
 * Publishes this instance's facts to topic {@code telehealth.signaling-rooms}, keyed by visit id,
 * numbered in the order they are handed over. Like visit events, the call goes on if Kafka is away:
 * a fact that cannot be handed over is counted and logged by type; the periodic refresh of each
 * participant's state repairs what the others missed.
 */
@ApplicationScoped
public class RoomFactPublisher {

    private static final Logger LOG = Logger.getLogger(RoomFactPublisher.class);

    private final Emitter<EventEnvelope<?>> emitter;
    private final String instance;
    private final AtomicLong lastSeq = new AtomicLong();
    private final LongAdder notPublished = new LongAdder();

    public RoomFactPublisher(@Channel("rooms-out") Emitter<EventEnvelope<?>> emitter,
            @ConfigProperty(name = "quarkus.uuid") String instance) {
        this.emitter = emitter;
        this.instance = instance;
    }

    /** This instance's id on the topic: the origin of its facts. */
    public String instance() {
        return instance;
    }

    /**
     * Numbers the fact, hands it to Kafka and returns its number. Callers that need a visit's facts
     * in order publish them under the visit's lock: numbers and partition order then agree.
     */
    public long publish(LongFunction<? extends RoomFact> fact) {
        long seq = lastSeq.incrementAndGet();
        RoomFact built = fact.apply(seq);
        try {
            emitter.send(Message.of((EventEnvelope<?>) EventEnvelope.of((Record) built, Instant.now()))
                    .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(built.visitId().toString()).build()));
        } catch (RuntimeException e) {
            notPublished.increment();
            LOG.warnf("Could not publish %s for a visit: %s", built.getClass().getSimpleName(), e.getClass().getSimpleName());
        }
        return seq;
    }

    public long notPublished() {
        return notPublished.sum();
    }
}
