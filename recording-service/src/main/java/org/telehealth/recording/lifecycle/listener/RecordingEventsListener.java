package org.telehealth.recording.lifecycle.listener;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.telehealth.events.EventCodec;
import org.telehealth.events.EventEnvelope;
import org.telehealth.events.MalformedEventException;
import org.telehealth.events.recording.RecordingEvent;
import org.telehealth.events.recording.RecordingEvents;
import org.telehealth.recording.lifecycle.service.RecordingEventHandler;

/**
 * Follows topic {@code telehealth.recordings} (consumer group {@code recording-service}): signaling's
 * recording requests, consent decisions and stop requests, in order per visit. This service's own
 * outcomes travel on the same topic and are skipped. A record that is not a recording event is
 * logged by position only (its bytes may hold anything) and skipped.
 */
@ApplicationScoped
public class RecordingEventsListener {

    static final String CHANNEL = "recording-events";

    private final EventCodec codec = new EventCodec(RecordingEvents.CATALOG);
    private final RecordingEventHandler handler;
    private final EventApplier applier;

    public RecordingEventsListener(RecordingEventHandler handler, EventApplier applier) {
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
        RecordingEvent data = (RecordingEvent) event.data();
        applier.apply(event.id(), event.type(), () -> handler.handle(event.id(), data));
    }
}
