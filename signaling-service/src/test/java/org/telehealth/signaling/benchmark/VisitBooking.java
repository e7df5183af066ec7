package org.telehealth.signaling.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.telehealth.events.EventCodec;
import org.telehealth.events.EventEnvelope;
import org.telehealth.events.Topics;
import org.telehealth.events.appointment.AppointmentEvents;
import org.telehealth.events.appointment.AppointmentScheduled;
import org.telehealth.infra.testing.TestTokens;

/**
 * Plays scheduling-service for the benchmarks: books visits by publishing {@code
 * appointment.scheduled} events to {@code telehealth.appointments}, which is how signaling learns
 * which visits exist, who their doctor is and who their patient.
 */
final class VisitBooking implements AutoCloseable {

    /** One booked visit: its doctor (a {@link TestTokens} user name) and its patient. */
    record BookedVisit(UUID visitId, String doctorUser, UUID patientId) {

        String doctorId() {
            return TestTokens.subjectOf(doctorUser);
        }
    }

    private final EventCodec codec = new EventCodec(AppointmentEvents.CATALOG);
    private final KafkaProducer<String, byte[]> producer;

    VisitBooking(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new ByteArraySerializer());
    }

    /** Books a visit starting now for each doctor user name, and returns once the broker has them all. */
    List<BookedVisit> book(List<String> doctorUsers) {
        List<BookedVisit> visits = new ArrayList<>();
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        Instant start = Instant.now();
        for (String doctor : doctorUsers) {
            BookedVisit visit = new BookedVisit(UUID.randomUUID(), doctor, UUID.randomUUID());
            AppointmentScheduled event = new AppointmentScheduled(visit.visitId(), visit.doctorId(), visit.patientId(), start,
                    start.plus(Duration.ofHours(2)), 0);
            sent.add(producer.send(new ProducerRecord<>(Topics.APPOINTMENTS, visit.visitId().toString(),
                    codec.encode(EventEnvelope.of(event, Instant.now())))));
            visits.add(visit);
        }
        try {
            for (Future<RecordMetadata> record : sent) {
                record.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish to " + Topics.APPOINTMENTS, e);
        }
        return visits;
    }

    @Override
    public void close() {
        producer.close();
    }
}
