package org.telehealth.recording.lifecycle.listener;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.telehealth.events.EventCodec;
import org.telehealth.events.EventEnvelope;
import org.telehealth.events.MalformedEventException;
import org.telehealth.events.visit.VisitEnded;
import org.telehealth.events.visit.VisitEvents;
import org.telehealth.recording.lifecycle.service.RecordingEventHandler;

/**
 * Follows topic {@code telehealth.visits} (consumer group {@code recording-service}) for
 * {@code visit.ended}: the visit's running recordings stop and are finalised, waiting ones are
 * cancelled. The other visit events are not this service's business.
 */
@ApplicationScoped
public class VisitEventsListener {

    static final String CHANNEL = "visit-events";

    private final EventCodec codec = new EventCodec(VisitEvents.CATALOG);
    private final RecordingEventHandler handler;
    private final EventApplier applier;

    public VisitEventsListener(RecordingEventHandler handler, EventApplier applier) {
        this.handler = handler;
        this.applier = applier;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) {
        EventEnvelope<?> event;
        try {
            event = codec.decode(record.value());
        } catch (MalformedEventException e) {
            applier.malformed(record);
            return;
        }
        if (event.data() instanceof VisitEnded ended) {
            applier.apply(event.id(), event.type(), () -> handler.handle(event.id(), ended));
        }
    }
}
