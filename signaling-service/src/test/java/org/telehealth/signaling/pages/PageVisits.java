package org.telehealth.signaling.pages;

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
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;
import org.telehealth.events.EventCodec;
import org.telehealth.events.EventEnvelope;
import org.telehealth.events.Topics;
import org.telehealth.events.appointment.AppointmentCancelled;
import org.telehealth.events.appointment.AppointmentEvents;
import org.telehealth.events.appointment.AppointmentScheduled;
import org.telehealth.signaling.visit.Visit;
import org.telehealth.signaling.visit.VisitDirectory;

/**
 * Plays scheduling-service for the page tests: books visits on {@code telehealth.appointments}
 * (waiting until signaling knows them) and writes the patient's join link as scheduling does,
 * signed with the key {@code JoinLinkKeysTestResource} publishes.
 */
final class PageVisits {

    /** Where JoinLinkKeysTestResource leaves its private key for the tests. */
    private static final String PRIVATE_JWK_PROPERTY = "test.join-link-private-jwk";

    private final EventCodec codec = new EventCodec(AppointmentEvents.CATALOG);
    private final String bootstrap;
    private final VisitDirectory directory;
    private final String pageBase;

    PageVisits(String bootstrap, VisitDirectory directory, String pageBase) {
        this.bootstrap = bootstrap;
        this.directory = directory;
        this.pageBase = pageBase.endsWith("/") ? pageBase : pageBase + "/";
    }

    /** A visit of the doctor with a new patient, starting now, link generation 0. */
    Booked book(String doctorId) {
        return book(doctorId, null);
    }

    /** The same, for a patient who signs in to Keycloak as {@code patientAccountId} (null: no account). */
    Booked book(String doctorId, String patientAccountId) {
        Booked visit = new Booked(UUID.randomUUID(), UUID.randomUUID(), doctorId);
        Instant start = Instant.now();
        publish(visit.visitId(), new AppointmentScheduled(visit.visitId(), doctorId, visit.patientId(), start,
                start.plus(Duration.ofMinutes(30)), 0, patientAccountId));
        await(visit.visitId(), known -> known.linkGeneration() == 0);
        return visit;
    }

    void cancel(Booked visit) {
        publish(visit.visitId(), new AppointmentCancelled(visit.visitId(), visit.doctorId(), visit.patientId(), 1));
        await(visit.visitId(), Visit::cancelled);
    }

    /** The patient's link as scheduling writes it: {@code <base>visit/<id>?t=<token>}, open from a minute ago for an hour. */
    String patientLink(Booked visit) {
        return linkWith(visit, sign(visit, Instant.now().minusSeconds(60), Duration.ofHours(1)));
    }

    /** A link whose window closed an hour ago. */
    String expiredLink(Booked visit) {
        return linkWith(visit, sign(visit, Instant.now().minus(Duration.ofHours(3)), Duration.ofHours(2)));
    }

    /** The doctor's page of the visit. */
    String hostPage(Booked visit) {
        return pageBase + "visit/" + visit.visitId() + "/host";
    }

    /** The visit's address without a token, as the doctor portal's "Open visit" links it. */
    String page(Booked visit) {
        return pageBase + "visit/" + visit.visitId();
    }

    private String linkWith(Booked visit, String token) {
        return page(visit) + "?t=" + token;
    }

    private static String sign(Booked visit, Instant notBefore, Duration validity) {
        try {
            EllipticCurveJsonWebKey key = (EllipticCurveJsonWebKey) JsonWebKey.Factory.newJwk(System.getProperty(PRIVATE_JWK_PROPERTY));
            JwtClaims claims = new JwtClaims();
            claims.setIssuer("telehealth-scheduling");
            claims.setAudience("telehealth-visit");
            claims.setSubject(visit.patientId().toString());
            claims.setClaim("visit", visit.visitId().toString());
            claims.setClaim("gen", 0);
            claims.setClaim("role", "patient");
            claims.setNotBefore(NumericDate.fromMilliseconds(notBefore.toEpochMilli()));
            claims.setExpirationTime(NumericDate.fromMilliseconds(notBefore.plus(validity).toEpochMilli()));
            claims.setJwtId(UUID.randomUUID().toString());
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(claims.toJson());
            jws.setKey(key.getPrivateKey());
            jws.setKeyIdHeaderValue(key.getKeyId());
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign a join link", e);
        }
    }

    private void publish(UUID key, Record event) {
        try (var producer = new KafkaProducer<String, byte[]>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.APPOINTMENTS, key.toString(), codec.encode(EventEnvelope.of(event, Instant.now()))))
                    .get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish to " + Topics.APPOINTMENTS, e);
        }
    }

    private void await(UUID visitId, Predicate<Visit> state) {
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

    record Booked(UUID visitId, UUID patientId, String doctorId) {
    }
}
