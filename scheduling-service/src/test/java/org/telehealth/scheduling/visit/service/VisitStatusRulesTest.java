package org.telehealth.scheduling.visit.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.telehealth.events.visit.ParticipantRole;
import org.telehealth.events.visit.VisitEnded;
import org.telehealth.events.visit.VisitEvent;
import org.telehealth.events.visit.VisitOpened;
import org.telehealth.events.visit.VisitParticipantAdmitted;
import org.telehealth.events.visit.VisitParticipantJoined;
import org.telehealth.events.visit.VisitParticipantLeft;
import org.telehealth.events.visit.VisitParticipantWaiting;
import org.telehealth.scheduling.appointment.repository.Appointment;
import org.telehealth.scheduling.appointment.repository.AppointmentStatus;

class VisitStatusRulesTest {

    private static final Instant START = Instant.parse("2026-11-23T09:00:00Z");
    private static final UUID VISIT = UUID.randomUUID();

    @Test
    void shouldMoveForwardOnlyWithThePatient() {
        assertThat(next("SCHEDULED", waiting(ParticipantRole.PATIENT))).contains(AppointmentStatus.WAITING);
        assertThat(next("SCHEDULED", joined(ParticipantRole.PATIENT))).contains(AppointmentStatus.IN_PROGRESS);
        assertThat(next("WAITING", joined(ParticipantRole.PATIENT))).contains(AppointmentStatus.IN_PROGRESS);
        assertThat(next("IN_PROGRESS", ended(START.plusSeconds(1800)))).contains(AppointmentStatus.COMPLETED);
    }

    @Test
    void shouldMarkANoShowWhenTheVisitEndsAfterItsStartWithoutThePatient() {
        assertThat(next("SCHEDULED", ended(START.plusSeconds(1800)))).contains(AppointmentStatus.NO_SHOW);
        assertThat(next("WAITING", ended(START))).contains(AppointmentStatus.NO_SHOW);
        assertThat(next("WAITING", ended(START.minusSeconds(60)))).isEmpty();
    }

    @Test
    void shouldNeverTakeAnAppointmentBackNorMoveAFinishedOne() {
        assertThat(next("WAITING", waiting(ParticipantRole.PATIENT))).isEmpty();
        assertThat(next("IN_PROGRESS", waiting(ParticipantRole.PATIENT))).isEmpty();
        assertThat(next("IN_PROGRESS", joined(ParticipantRole.PATIENT))).isEmpty();
        for (String done : new String[] {"COMPLETED", "NO_SHOW", "CANCELLED"}) {
            assertThat(next(done, waiting(ParticipantRole.PATIENT))).as(done).isEmpty();
            assertThat(next(done, joined(ParticipantRole.PATIENT))).as(done).isEmpty();
            assertThat(next(done, ended(START.plusSeconds(1800)))).as(done).isEmpty();
        }
    }

    @Test
    void shouldIgnoreDoctorsGuestsAndTheEventsThatChangeNothing() {
        for (ParticipantRole role : new ParticipantRole[] {ParticipantRole.DOCTOR, ParticipantRole.GUEST}) {
            assertThat(next("SCHEDULED", waiting(role))).as(role.name()).isEmpty();
            assertThat(next("WAITING", joined(role))).as(role.name()).isEmpty();
        }
        assertThat(next("SCHEDULED", new VisitOpened(VISIT, "doctor", START))).isEmpty();
        assertThat(next("WAITING", new VisitParticipantAdmitted(VISIT, "p", ParticipantRole.PATIENT, START))).isEmpty();
        assertThat(next("IN_PROGRESS", new VisitParticipantLeft(VISIT, "p", ParticipantRole.PATIENT, START))).isEmpty();
    }

    private static Optional<AppointmentStatus> next(String status, VisitEvent event) {
        Appointment appointment = new Appointment();
        appointment.id = VISIT;
        appointment.status = AppointmentStatus.valueOf(status);
        appointment.startsAt = START;
        appointment.endsAt = START.plusSeconds(1800);
        return VisitStatusRules.next(appointment, event);
    }

    private static VisitEvent waiting(ParticipantRole role) {
        return new VisitParticipantWaiting(VISIT, "someone", role, START);
    }

    private static VisitEvent joined(ParticipantRole role) {
        return new VisitParticipantJoined(VISIT, "someone", role, START);
    }

    private static VisitEvent ended(Instant at) {
        return new VisitEnded(VISIT, VisitEnded.SYSTEM, at);
    }
}
