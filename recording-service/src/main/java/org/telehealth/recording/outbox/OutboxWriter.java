package org.telehealth.recording.outbox;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.telehealth.events.EventCodec;
import org.telehealth.events.EventEnvelope;
import org.telehealth.events.Topics;
import org.telehealth.events.recording.RecordingEvent;
import org.telehealth.events.recording.RecordingEvents;

/**
 * Writes a recording outcome ({@code recording.started}, {@code .completed}, {@code .failed}) into
 * the outbox inside the caller's transaction, so that the event exists if and only if the change it
 * reports was committed. {@link OutboxRelay} sends it to {@code telehealth.recordings}, keyed by
 * visit id, afterwards.
 */
@ApplicationScoped
public class OutboxWriter {

    private final EventCodec codec = new EventCodec(RecordingEvents.CATALOG);
    private final Clock clock;

    public OutboxWriter(Clock clock) {
        this.clock = clock;
    }

    /** Appends {@code event}. Call within a transaction. */
    public Uni<Void> append(RecordingEvent event) {
        EventEnvelope<?> envelope = EventEnvelope.of((Record) event, clock.instant());
        OutboxEvent row = new OutboxEvent();
        row.eventId = envelope.id();
        row.topic = Topics.RECORDINGS;
        row.recordKey = event.visitId().toString();
        row.eventType = envelope.type();
        row.payload = codec.encode(envelope);
        return row.persist().replaceWithVoid();
    }
}
