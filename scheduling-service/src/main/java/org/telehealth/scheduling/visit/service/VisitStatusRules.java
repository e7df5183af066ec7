package org.telehealth.scheduling.visit.service;

import static org.telehealth.scheduling.appointment.repository.AppointmentStatus.COMPLETED;
import static org.telehealth.scheduling.appointment.repository.AppointmentStatus.IN_PROGRESS;
import static org.telehealth.scheduling.appointment.repository.AppointmentStatus.NO_SHOW;
import static org.telehealth.scheduling.appointment.repository.AppointmentStatus.SCHEDULED;
import static org.telehealth.scheduling.appointment.repository.AppointmentStatus.WAITING;

import java.util.Optional;
import org.telehealth.events.visit.ParticipantRole;
import org.telehealth.events.visit.VisitEnded;
import org.telehealth.events.visit.VisitEvent;
import org.telehealth.events.visit.VisitParticipantJoined;
import org.telehealth.events.visit.VisitParticipantWaiting;
import org.telehealth.scheduling.appointment.repository.Appointment;
import org.telehealth.scheduling.appointment.repository.AppointmentStatus;

/**
 * Where a visit event moves its appointment. Only the patient's presence and the end of the visit
 * count; the doctor's and guests' coming and going do not. Statuses only move forward
 * (SCHEDULED, WAITING, IN_PROGRESS, then COMPLETED or NO_SHOW; CANCELLED is final too), so an event
 * that arrives late or twice never takes an appointment back.
 *
 * <ul>
 * <li>patient waiting: SCHEDULED to WAITING;</li>
 * <li>patient joined: SCHEDULED or WAITING to IN_PROGRESS;</li>
 * <li>visit ended: IN_PROGRESS to COMPLETED; SCHEDULED or WAITING (the patient never joined) to
 * NO_SHOW, unless it ended before the appointment's start: a doctor who opens and closes the room
 * early has not missed the visit.</li>
 * </ul>
 */
public final class VisitStatusRules {

    private VisitStatusRules() {
    }

    /** The status {@code event} moves {@code appointment} to, or empty when it changes nothing. */
    public static Optional<AppointmentStatus> next(Appointment appointment, VisitEvent event) {
        AppointmentStatus current = appointment.status;
        if (event instanceof VisitParticipantWaiting waiting && waiting.role() == ParticipantRole.PATIENT) {
            return current == SCHEDULED ? Optional.of(WAITING) : Optional.empty();
        }
        if (event instanceof VisitParticipantJoined joined && joined.role() == ParticipantRole.PATIENT) {
            return current == SCHEDULED || current == WAITING ? Optional.of(IN_PROGRESS) : Optional.empty();
        }
        if (event instanceof VisitEnded ended) {
            if (current == IN_PROGRESS) {
                return Optional.of(COMPLETED);
            }
            if ((current == SCHEDULED || current == WAITING) && !ended.at().isBefore(appointment.startsAt)) {
                return Optional.of(NO_SHOW);
            }
        }
        return Optional.empty();
    }
}
