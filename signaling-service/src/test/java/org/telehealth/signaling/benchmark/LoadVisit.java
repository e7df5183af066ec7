package org.telehealth.signaling.benchmark;

import io.vertx.core.http.WebSocketClient;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One visit of the load: its doctor joins (in the call), its patient joins with a join link and
 * waits, the doctor admits them; then both are in the call, as after a real admission.
 */
final class LoadVisit {

    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(30);
    private static final long RETRY_MILLIS = 200;

    private final LoadParticipant doctor;
    private final LoadParticipant patient;

    private LoadVisit(LoadParticipant doctor, LoadParticipant patient) {
        this.doctor = doctor;
        this.patient = patient;
    }

    /**
     * Joins both and admits the patient; blocks until the patient is in the call. Counts in
     * {@code retries} the hellos said again because signaling had not read the visit yet.
     */
    static LoadVisit join(WebSocketClient client, BenchmarkServices services, VisitBooking.BookedVisit visit, DoctorTokens doctors,
            LoadTraffic traffic, AtomicInteger retries) throws Exception {
        String doctorToken = doctors.forDoctor(visit.doctorUser());
        String patientLink = services.links().forPatient(visit.patientId(), visit.visitId());
        LoadParticipant doctor = joined(client, services, visit, doctorToken, traffic, retries);
        String patientId = visit.patientId().toString();
        var waiting = doctor.expect("waiting-room", message -> message.path("waiting").toString().contains(patientId));
        LoadParticipant patient = joined(client, services, visit, patientLink, traffic, retries);
        waiting.get(STEP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        var admitted = patient.expect("admitted", message -> true);
        doctor.send("{\"type\":\"admit\",\"participantId\":\"" + patientId + "\"}");
        admitted.get(STEP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        return new LoadVisit(doctor, patient);
    }

    /** Opens a socket and says hello, again while signaling has not read the visit from Kafka yet. */
    private static LoadParticipant joined(WebSocketClient client, BenchmarkServices services, VisitBooking.BookedVisit visit,
            String token, LoadTraffic traffic, AtomicInteger retries) throws Exception {
        long deadline = System.nanoTime() + STEP_TIMEOUT.toNanos();
        String path = "/ws/visits/" + visit.visitId();
        while (true) {
            LoadParticipant participant = LoadParticipant.open(client, services.signalingUrl().getPort(), path,
                    services.pageOrigin(), traffic).get(STEP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            try {
                participant.hello(token).get(STEP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                return participant;
            } catch (ExecutionException e) {
                participant.close();
                if (!(e.getCause() instanceof LoadParticipant.ServerError error && error.code.equals("visit-unknown"))
                        || System.nanoTime() > deadline) {
                    throw e;
                }
                retries.incrementAndGet();
                Thread.sleep(RETRY_MILLIS);
            }
        }
    }

    void startTraffic(long intervalMillis, long pingIntervalMillis) {
        doctor.startTraffic(intervalMillis, pingIntervalMillis);
        patient.startTraffic(intervalMillis, pingIntervalMillis);
    }

    void close() {
        doctor.close();
        patient.close();
    }
}
