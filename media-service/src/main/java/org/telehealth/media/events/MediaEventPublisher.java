package org.telehealth.media.events;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.telehealth.events.EventEnvelope;
import org.telehealth.events.media.MediaParticipantConnected;
import org.telehealth.events.media.MediaParticipantDisconnected;
import org.telehealth.events.media.MediaParticipantFailed;

/**
 * Publishes the media-service's events to Kafka topic {@code telehealth.media}, keyed by room (or
 * instance) so that one room's events stay in order. These report transient media state that
 * signaling also sees directly; an event that cannot be handed to Kafka is counted, never blocks
 * the media path.
 */
@ApplicationScoped
public class MediaEventPublisher {

    private final Emitter<EventEnvelope<?>> emitter;
    private final MediaInstanceConfig instance;
    private final LongAdder notPublished = new LongAdder();

    public MediaEventPublisher(@Channel("media-events") Emitter<EventEnvelope<?>> emitter, MediaInstanceConfig instance) {
        this.emitter = emitter;
        this.instance = instance;
    }

    public void connected(String roomId, String participantId) {
        publish(roomId, new MediaParticipantConnected(roomId, participantId, instance.id()));
    }

    public void failed(String roomId, String participantId, MediaParticipantFailed.Reason reason) {
        publish(roomId, new MediaParticipantFailed(roomId, participantId, instance.id(), reason));
    }

    public void disconnected(String roomId, String participantId, MediaParticipantDisconnected.Reason reason) {
        publish(roomId, new MediaParticipantDisconnected(roomId, participantId, instance.id(), reason));
    }

    /** Publishes any media event under {@code key}. */
    public void publish(String key, Record event) {
        try {
            emitter.send(Message.of((EventEnvelope<?>) EventEnvelope.of(event, Instant.now()))
                    .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(key).build()));
        } catch (RuntimeException e) {
            notPublished.increment(); // buffer full while Kafka is away; the next load report follows anyway
        }
    }

    public long notPublished() {
        return notPublished.sum();
    }
}
