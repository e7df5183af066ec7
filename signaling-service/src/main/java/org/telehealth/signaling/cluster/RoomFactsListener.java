package org.telehealth.signaling.cluster;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.telehealth.events.EventCodec;
import org.telehealth.events.EventEnvelope;
import org.telehealth.events.MalformedEventException;

/**
 * Reads every instance's facts from {@code telehealth.signaling-rooms} (a consumer group per
 * instance, so each reads them all, in partition order) and hands them, its own included, to the
 * rooms and the media placement as CDI events, one at a time. A malformed record, or one whose key
 * is not its visit, is counted and skipped (logged by position only). How long other instances'
 * facts took to get here is timed ({@code signaling.room.facts.delay}), once the facts found at start
 * have been read back.
 */
@ApplicationScoped
public class RoomFactsListener {

    private static final Logger LOG = Logger.getLogger(RoomFactsListener.class);

    private final EventCodec codec = new EventCodec(RoomFacts.CATALOG);
    private final Event<RoomFact> facts;
    private final RoomFactsCaughtUp caughtUp;
    private final String instance;
    private final Counter skipped;
    private final Timer delay;

    public RoomFactsListener(Event<RoomFact> facts, RoomFactPublisher publisher, RoomFactsCaughtUp caughtUp,
            MeterRegistry meters) {
        this.facts = facts;
        this.caughtUp = caughtUp;
        this.instance = publisher.instance();
        this.skipped = meters.counter("signaling.room.facts.skipped");
        this.delay = Timer.builder("signaling.room.facts.delay")
                .description("time from another instance publishing a room fact to this instance reading it")
                .publishPercentiles(0.5, 0.99)
                .register(meters);
    }

    /** Blocking: applying a fact takes a room's lock and may publish visit events. Ordered, one at a time. */
    @Incoming("rooms-in")
    @Blocking
    public void onRecord(ConsumerRecord<String, byte[]> record) {
        try {
            apply(record);
        } finally {
            caughtUp.applied(record.partition(), record.offset());
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        EventEnvelope<?> envelope;
        try {
            envelope = codec.decode(record.value());
        } catch (MalformedEventException e) {
            skip(record);
            return;
        }
        if (!(envelope.data() instanceof RoomFact fact) || !fact.visitId().toString().equals(record.key())) {
            skip(record);
            return;
        }
        if (!fact.origin().equals(instance) && caughtUp.isCaughtUp()) { // facts read back at start are old by design
            Duration since = Duration.between(envelope.occurredAt(), Instant.now());
            delay.record(since.isNegative() ? Duration.ZERO : since);
        }
        facts.fire(fact);
    }

    private void skip(ConsumerRecord<String, byte[]> record) {
        skipped.increment();
        LOG.warnf("Skipped an unreadable room fact at partition %d offset %d", record.partition(), record.offset());
    }
}
