package org.telehealth.signaling.ws;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.telehealth.events.EventCodec;
import org.telehealth.events.EventEnvelope;
import org.telehealth.events.Topics;
import org.telehealth.events.appointment.AppointmentCancelled;
import org.telehealth.events.appointment.AppointmentEvents;
import org.telehealth.events.appointment.AppointmentRescheduled;
import org.telehealth.events.appointment.AppointmentScheduled;
import org.telehealth.signaling.visit.Visit;
import org.telehealth.signaling.visit.VisitDirectory;

/** Plays scheduling-service in tests: publishes appointment events and waits until signaling knows them. */
final class Appointments {

    private final EventCodec codec = new EventCodec(AppointmentEvents.CATALOG);
    private final String bootstrap;
    private final VisitDirectory directory;

    Appointments(String bootstrap, VisitDirectory directory) {
        this.bootstrap = bootstrap;
        this.directory = directory;
    }

    /** A visit of {@code doctorId} with a new patient, starting now, link generation {@code generation}. */
    VisitIds schedule(String doctorId, int generation) {
        VisitIds ids = new VisitIds(UUID.randomUUID(), UUID.randomUUID());
        Instant start = Instant.now();
        publish(ids.visitId(), new AppointmentScheduled(ids.visitId(), doctorId, ids.patientId(), start,
                start.plus(Duration.ofMinutes(30)), generation));
        awaitVisit(ids.visitId(), visit -> visit.linkGeneration() == generation);
        return ids;
    }

    /** A visit of {@code doctorId} with a new patient who signs in to Keycloak as {@code patientAccountId}. */
    VisitIds scheduleWithPatientAccount(String doctorId, int generation, String patientAccountId) {
        VisitIds ids = new VisitIds(UUID.randomUUID(), UUID.randomUUID());
        Instant start = Instant.now();
        publish(ids.visitId(), new AppointmentScheduled(ids.visitId(), doctorId, ids.patientId(), start,
                start.plus(Duration.ofMinutes(30)), generation, patientAccountId));
        awaitVisit(ids.visitId(), visit -> visit.linkGeneration() == generation);
        return ids;
    }

    /** The visit moves to a later time with a new link generation; the event names {@code patientAccountId}. */
    void reschedule(VisitIds ids, String doctorId, int generation, String patientAccountId) {
        Instant start = Instant.now().plus(Duration.ofMinutes(5));
        publish(ids.visitId(), new AppointmentRescheduled(ids.visitId(), doctorId, ids.patientId(), start,
                start.plus(Duration.ofMinutes(30)), generation, patientAccountId));
        awaitVisit(ids.visitId(), visit -> visit.linkGeneration() == generation);
    }

    void cancel(VisitIds ids, String doctorId, int generation) {
        publish(ids.visitId(), new AppointmentCancelled(ids.visitId(), doctorId, ids.patientId(), generation));
        awaitVisit(ids.visitId(), Visit::cancelled);
    }

    /** Bytes that are no event at all, keyed like one. */
    void publishGarbage(UUID key) {
        send(key, "{not an event".getBytes());
    }

    private void publish(UUID key, Record event) {
        send(key, codec.encode(EventEnvelope.of(event, Instant.now())));
    }

    private void send(UUID key, byte[] value) {
        try (var producer = new KafkaProducer<String, byte[]>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.APPOINTMENTS, key.toString(), value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish to " + Topics.APPOINTMENTS, e);
        }
    }

    private void awaitVisit(UUID visitId, Predicate<Visit> state) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (directory.find(visitId).filter(state).isPresent()) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("signaling did not learn visit " + visitId + " from " + Topics.APPOINTMENTS);
    }

    record VisitIds(UUID visitId, UUID patientId) {
    }
}
