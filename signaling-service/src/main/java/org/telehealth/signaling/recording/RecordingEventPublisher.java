package org.telehealth.signaling.recording;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.telehealth.events.EventEnvelope;
import org.telehealth.events.recording.RecordingEvent;

/**
 * Publishes signaling's recording events (requests, consent decisions, stop requests) to topic
 * {@code telehealth.recordings}, keyed by visit id so that recording-service reads a visit's
 * request, answers and stops in the order they happened. Like the visit events, an event that
 * cannot be handed to Kafka does not break the call: it is counted and logged by type and
 * recording id. A lost request or acceptance only means nothing is recorded; a lost stop request
 * is what the error log and {@code signaling_recording_events_not_published_total} are for (the
 * visit's end still stops the recording in recording-service).
 */
@ApplicationScoped
public class RecordingEventPublisher {

    private static final Logger LOG = Logger.getLogger(RecordingEventPublisher.class);

    private final Emitter<EventEnvelope<?>> emitter;
    private final Counter notPublished;

    public RecordingEventPublisher(@Channel("recording-events") Emitter<EventEnvelope<?>> emitter, MeterRegistry meters) {
        this.emitter = emitter;
        this.notPublished = meters.counter("signaling.recording.events.not-published");
    }

    /** Hands the event to Kafka; {@code at} is when it happened. */
    public void publish(RecordingEvent event, Instant at) {
        try {
            emitter.send(Message.of((EventEnvelope<?>) EventEnvelope.of((Record) event, at))
                    .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(event.visitId().toString()).build())
                    .withNack(failure -> {
                        failed(event, failure);
                        return CompletableFuture.completedFuture(null);
                    }));
        } catch (RuntimeException e) {
            failed(event, e);
        }
    }

    private void failed(RecordingEvent event, Throwable failure) {
        notPublished.increment();
        LOG.errorf("Could not publish %s of recording %s: %s", event.getClass().getSimpleName(), event.recordingId(),
                failure.getClass().getSimpleName());
    }
}
