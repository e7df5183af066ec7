package org.telehealth.signaling.visit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.telehealth.events.EventCodec;
import org.telehealth.events.EventEnvelope;
import org.telehealth.events.MalformedEventException;
import org.telehealth.events.appointment.AppointmentCancelled;
import org.telehealth.events.appointment.AppointmentEvents;
import org.telehealth.events.appointment.AppointmentRescheduled;
import org.telehealth.events.appointment.AppointmentScheduled;
import org.telehealth.events.appointment.AppointmentStatusChanged;

/**
 * Feeds the {@link VisitDirectory} from scheduling's events. Records are read as bytes and decoded
 * here so that a malformed one is counted and skipped (logged by position only, never its bytes)
 * instead of stopping the channel. Of the status changes only {@code COMPLETED} matters: the visit
 * ended (scheduling completes an appointment on {@code visit.ended} only), so a join is refused even
 * on an instance that never saw its room end (it started later, or evicted the room).
 */
@ApplicationScoped
public class AppointmentEventsListener {

    private static final Logger LOG = Logger.getLogger(AppointmentEventsListener.class);

    /** The status scheduling gives an appointment whose visit ended with the patient in it. */
    static final String COMPLETED = "COMPLETED";

    private final EventCodec codec = new EventCodec(AppointmentEvents.CATALOG);
    private final VisitDirectory directory;
    private final Counter skipped;

    public AppointmentEventsListener(VisitDirectory directory, MeterRegistry meters) {
        this.directory = directory;
        this.skipped = meters.counter("signaling.appointment.events.skipped");
    }

    @Incoming("appointments")
    public void onRecord(ConsumerRecord<String, byte[]> record) {
        EventEnvelope<?> event;
        try {
            event = codec.decode(record.value());
        } catch (MalformedEventException e) {
            skipped.increment();
            LOG.warnf("Skipped an unreadable appointment event at partition %d offset %d",
                    record.partition(), record.offset());
            return;
        }
        apply(event.data());
    }

    private void apply(Record data) {
        if (data instanceof AppointmentScheduled s) {
            directory.scheduled(s.appointmentId(), s.doctorId(), s.patientId(), s.startsAt(), s.endsAt(),
                    s.linkGeneration(), s.patientAccountId());
        } else if (data instanceof AppointmentRescheduled r) {
            directory.scheduled(r.appointmentId(), r.doctorId(), r.patientId(), r.startsAt(), r.endsAt(),
                    r.linkGeneration(), r.patientAccountId());
        } else if (data instanceof AppointmentCancelled c) {
            directory.cancelled(c.appointmentId(), c.doctorId(), c.patientId(), c.linkGeneration());
        } else if (data instanceof AppointmentStatusChanged changed && COMPLETED.equals(changed.status())) {
            directory.ended(changed.appointmentId());
        }
    }
}
