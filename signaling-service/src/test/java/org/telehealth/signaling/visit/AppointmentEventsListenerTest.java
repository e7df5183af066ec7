package org.telehealth.signaling.visit;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.telehealth.events.EventCodec;
import org.telehealth.events.EventEnvelope;
import org.telehealth.events.appointment.AppointmentEvents;
import org.telehealth.events.appointment.AppointmentRescheduled;
import org.telehealth.events.appointment.AppointmentScheduled;
import org.telehealth.events.appointment.AppointmentStatusChanged;

/**
 * What the directory keeps of scheduling's events: a visit ends once its appointment is completed
 * (only a visit's end completes it), never on a no-show (the no-show job marks visits nobody ended),
 * and a later booking change does not open it again.
 */
class AppointmentEventsListenerTest {

    private static final UUID VISIT = UUID.randomUUID();
    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    private final EventCodec codec = new EventCodec(AppointmentEvents.CATALOG);
    private final VisitDirectory directory = new VisitDirectory();
    private final AppointmentEventsListener listener = new AppointmentEventsListener(directory, new SimpleMeterRegistry());
    private long offset;

    @Test
    void shouldKeepThatAVisitEndedOnceItsAppointmentIsCompletedWhateverComesAfter() {
        read(new AppointmentScheduled(VISIT, "doc", UUID.randomUUID(), START, START.plusSeconds(1800), 0));
        read(new AppointmentStatusChanged(VISIT, "doc", "WAITING", "IN_PROGRESS"));
        assertThat(directory.find(VISIT)).map(Visit::ended).contains(false);

        read(new AppointmentStatusChanged(VISIT, "doc", "IN_PROGRESS", "COMPLETED"));
        read(new AppointmentRescheduled(VISIT, "doc", directory.find(VISIT).orElseThrow().patientId(), START,
                START.plusSeconds(3600), 1));

        assertThat(directory.find(VISIT)).get().satisfies(visit -> {
            assertThat(visit.ended()).isTrue();
            assertThat(visit.linkGeneration()).isEqualTo(1);
        });
    }

    @Test
    void shouldNotEndAVisitMarkedNoShow() {
        read(new AppointmentScheduled(VISIT, "doc", UUID.randomUUID(), START, START.plusSeconds(1800), 0));

        read(new AppointmentStatusChanged(VISIT, "doc", "SCHEDULED", "NO_SHOW"));

        assertThat(directory.find(VISIT)).map(Visit::ended).contains(false);
    }

    private void read(Record event) {
        listener.onRecord(new ConsumerRecord<>("telehealth.appointments", 0, offset++, VISIT.toString(),
                codec.encode(EventEnvelope.of(event, Instant.now()))));
    }
}
