package org.telehealth.recording.outbox;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.telehealth.events.EventEnvelope;
import org.telehealth.events.Topics;
import org.telehealth.events.recording.RecordingEvent;
import org.telehealth.events.recording.RecordingEvents;
import org.telehealth.support.outbox.EventOutbox;

/**
 * Writes a recording outcome ({@code recording.started}, {@code .completed}, {@code .failed}) into
 * the outbox inside the caller's transaction, so that the event exists if and only if the change it
 * reports was committed. {@link OutboxRelayJob} sends it to {@code telehealth.recordings}, keyed by
 * visit id, afterwards. The outbox itself is service-support's, encoding with the recording catalog.
 */
@ApplicationScoped
public class OutboxWriter {

    private final EventOutbox outbox = new EventOutbox(RecordingEvents.CATALOG);
    private final Clock clock;

    public OutboxWriter(Clock clock) {
        this.clock = clock;
    }

    /** Appends {@code event}. Call within a transaction. */
    public Uni<Void> append(RecordingEvent event) {
        return outbox.append(Topics.RECORDINGS, event.visitId().toString(), EventEnvelope.of((Record) event, clock.instant()));
    }
}
