package org.telehealth.recording.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.telehealth.events.EventCodec;
import org.telehealth.events.EventEnvelope;
import org.telehealth.events.Topics;
import org.telehealth.events.recording.ConsentDecision;
import org.telehealth.events.recording.ExpectedParticipant;
import org.telehealth.events.recording.RecordingConsentRecorded;
import org.telehealth.events.recording.RecordingEvents;
import org.telehealth.events.recording.RecordingRequested;
import org.telehealth.events.recording.RecordingStopRequested;
import org.telehealth.events.visit.ParticipantRole;
import org.telehealth.events.visit.VisitEnded;
import org.telehealth.events.visit.VisitEvents;

/** Produces the events signaling-service will produce, to the real broker, keyed by visit id. */
public final class Signaling implements AutoCloseable {

    public static final String CONSENT_TEXT = "2026-11-consent-v1";

    private final KafkaProducer<String, byte[]> producer;
    private final EventCodec recordings = new EventCodec(RecordingEvents.CATALOG);
    private final EventCodec visits = new EventCodec(VisitEvents.CATALOG);

    public Signaling(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    public EventEnvelope<?> request(UUID recording, UUID visit, String doctor, List<ExpectedParticipant> participants) {
        return send(Topics.RECORDINGS, visit, recordings, new RecordingRequested(recording, visit, doctor, participants, Instant.now()));
    }

    /** A request naming the media-service instance that hosts the visit's room, as signaling sends it. */
    public EventEnvelope<?> request(UUID recording, UUID visit, String doctor, List<ExpectedParticipant> participants,
            String mediaControlUrl) {
        return send(Topics.RECORDINGS, visit, recordings, new RecordingRequested(recording, visit, doctor, participants, Instant.now(),
                mediaControlUrl));
    }

    public EventEnvelope<?> consent(UUID recording, UUID visit, String participant, ParticipantRole role, ConsentDecision decision) {
        return send(Topics.RECORDINGS, visit, recordings, new RecordingConsentRecorded(recording, visit, participant, role, decision,
                Instant.now(), CONSENT_TEXT));
    }

    public EventEnvelope<?> stop(UUID recording, UUID visit, String by, String reason) {
        return send(Topics.RECORDINGS, visit, recordings, new RecordingStopRequested(recording, visit, by, reason, Instant.now()));
    }

    public EventEnvelope<?> visitEnded(UUID visit, String by) {
        return send(Topics.VISITS, visit, visits, new VisitEnded(visit, by, Instant.now()));
    }

    /** Sends an envelope as it is (a redelivery keeps its id). */
    public void resend(UUID visit, EventEnvelope<?> event) {
        sendRaw(Topics.RECORDINGS, visit, recordings.encode(event));
    }

    public void sendRaw(String topic, UUID visit, byte[] bytes) {
        try {
            producer.send(new ProducerRecord<>(topic, visit.toString(), bytes)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not take the event", e);
        }
    }

    private EventEnvelope<?> send(String topic, UUID visit, EventCodec codec, Record data) {
        EventEnvelope<?> event = EventEnvelope.of(data, Instant.now());
        sendRaw(topic, visit, codec.encode(event));
        return event;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
