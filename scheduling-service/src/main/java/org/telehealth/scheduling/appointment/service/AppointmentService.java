package org.telehealth.scheduling.appointment.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.telehealth.events.EventEnvelope;
import org.telehealth.events.Topics;
import org.telehealth.events.appointment.AppointmentCancelled;
import org.telehealth.events.appointment.AppointmentRescheduled;
import org.telehealth.events.appointment.AppointmentScheduled;
import org.telehealth.scheduling.appointment.repository.Appointment;
import org.telehealth.scheduling.appointment.repository.AppointmentFilter;
import org.telehealth.scheduling.appointment.repository.AppointmentRepository;
import org.telehealth.scheduling.appointment.repository.AppointmentStatus;
import org.telehealth.scheduling.identity.Caller;
import org.telehealth.scheduling.joinlink.JoinLink;
import org.telehealth.scheduling.joinlink.JoinLinkIssuer;
import org.telehealth.scheduling.outbox.OutboxWriter;
import org.telehealth.scheduling.patient.repository.Patient;
import org.telehealth.scheduling.patient.repository.PatientRepository;
import org.telehealth.scheduling.problem.ProblemException;

/**
 * Books, lists, reschedules and cancels visits, deciding for each call from the caller alone (see
 * {@link AppointmentAccess}), and writes the matching event into the outbox in the same
 * transaction. Double booking is left to the database's exclusion constraint, which no race
 * between requests or instances can get around; its refusal becomes a 409.
 */
@ApplicationScoped
public class AppointmentService {

    private final AppointmentRepository appointments;
    private final PatientRepository patients;
    private final OutboxWriter outbox;
    private final JoinLinkIssuer links;
    private final Clock clock;

    public AppointmentService(AppointmentRepository appointments, PatientRepository patients, OutboxWriter outbox,
            JoinLinkIssuer links, Clock clock) {
        this.appointments = appointments;
        this.patients = patients;
        this.outbox = outbox;
        this.links = links;
        this.clock = clock;
    }

    public Uni<AppointmentDetails> book(Caller caller, BookAppointment request) {
        if (!AppointmentAccess.mayBook(caller)) {
            return Uni.createFrom().failure(ProblemException.forbidden("only doctors and admins book visits"));
        }
        String doctorId;
        if (caller.isAdmin()) {
            if (request.doctorId() == null || request.doctorId().isBlank()) {
                return Uni.createFrom().failure(ProblemException.invalidField("doctorId", "is required when an admin books"));
            }
            doctorId = request.doctorId();
        } else {
            if (request.doctorId() != null && !request.doctorId().equals(caller.userId())) {
                return Uni.createFrom().failure(ProblemException.forbidden("a doctor books visits in their own calendar only"));
            }
            doctorId = caller.userId();
        }
        Instant now = clock.instant();
        if (!request.startsAt().isAfter(now)) {
            return Uni.createFrom().failure(ProblemException.invalidField("startsAt", "must be in the future"));
        }
        return Panache.withTransaction(() -> patients.findById(request.patientId())
                .onItem().ifNull().failWith(() -> ProblemException.invalidField("patientId", "no such patient"))
                .flatMap(patient -> {
                    Appointment appointment = new Appointment();
                    appointment.id = UUID.randomUUID();
                    appointment.doctorId = doctorId;
                    appointment.patientId = patient.id;
                    appointment.startsAt = request.startsAt();
                    appointment.endsAt = request.startsAt().plus(Duration.ofMinutes(request.durationMinutes()));
                    appointment.reason = request.reason();
                    appointment.status = AppointmentStatus.SCHEDULED;
                    appointment.linkGeneration = 1;
                    appointment.createdAt = now;
                    appointment.updatedAt = now;
                    return appointments.persistAndFlush(appointment)
                            .call(saved -> outbox.append(Topics.APPOINTMENTS, saved.id.toString(), EventEnvelope.of(
                                    new AppointmentScheduled(saved.id, saved.doctorId, saved.patientId, saved.startsAt,
                                            saved.endsAt, saved.linkGeneration, accountOf(patient)), now)))
                            .map(saved -> new AppointmentDetails(saved, patient.fullName));
                }))
                .onFailure(PersistenceFailures::isDoubleBooking).transform(e -> doubleBooking());
    }

    public Uni<AppointmentDetails> get(Caller caller, UUID id) {
        return visible(caller, id).flatMap(this::withPatientName);
    }

    /**
     * The patient's link to the visit, for the visit's doctor or an admin to send or copy. Signed
     * for the current link generation, so it dies when the visit is cancelled or moved.
     */
    public Uni<JoinLink> joinLink(Caller caller, UUID id) {
        return linkable(caller, id).map(appointment -> links.issue(appointment.id, appointment.patientId,
                appointment.startsAt, appointment.endsAt, appointment.linkGeneration));
    }

    /**
     * A one-visit link for a guest the doctor invites (interpreter, family member): a new guest per
     * call, who waits to be admitted like the patient, and whose link dies with the patient's.
     */
    public Uni<JoinLink> guestLink(Caller caller, UUID id) {
        return linkable(caller, id).map(appointment -> links.issueGuest(appointment.id, appointment.startsAt,
                appointment.endsAt, appointment.linkGeneration));
    }

    private Uni<Appointment> linkable(Caller caller, UUID id) {
        return visible(caller, id)
                .map(appointment -> {
                    if (!AppointmentAccess.mayChange(caller, appointment)) {
                        throw ProblemException.forbidden("only the visit's doctor or an admin hands out its links");
                    }
                    if (!appointment.status.isActive()) {
                        throw ProblemException.conflict("No link", "the visit is "
                                + appointment.status.label() + "; it has no join link");
                    }
                    return appointment;
                });
    }

    public Uni<List<AppointmentDetails>> list(Caller caller, AppointmentFilter filter) {
        if (caller.isAdmin()) {
            return withPatientNames(appointments.list(filter));
        }
        if (caller.isDoctor()) {
            if (filter.doctorId() != null && !filter.doctorId().equals(caller.userId())) {
                return Uni.createFrom().failure(ProblemException.forbidden("a doctor lists their own visits only"));
            }
            return withPatientNames(appointments.list(filter.forDoctor(caller.userId())));
        }
        if (caller.isPatient()) {
            return callersPatientId(caller).flatMap(own -> own == null
                    ? Uni.createFrom().item(List.<AppointmentDetails>of())
                    : withPatientNames(appointments.list(filter.forPatient(own))));
        }
        return Uni.createFrom().failure(ProblemException.forbidden("no platform role"));
    }

    public Uni<AppointmentDetails> reschedule(Caller caller, UUID id, RescheduleAppointment request) {
        Instant now = clock.instant();
        if (!request.startsAt().isAfter(now)) {
            return Uni.createFrom().failure(ProblemException.invalidField("startsAt", "must be in the future"));
        }
        return change(caller, id, (appointment, patient) -> {
            if (appointment.status != AppointmentStatus.SCHEDULED) {
                throw ProblemException.conflict("Cannot reschedule",
                        "the visit is " + appointment.status.label() + "; only scheduled visits move");
            }
            appointment.startsAt = request.startsAt();
            appointment.endsAt = request.startsAt().plus(Duration.ofMinutes(request.durationMinutes()));
            appointment.linkGeneration++;
            appointment.updatedAt = now;
            return EventEnvelope.of(new AppointmentRescheduled(appointment.id, appointment.doctorId, appointment.patientId,
                    appointment.startsAt, appointment.endsAt, appointment.linkGeneration, accountOf(patient)), now);
        });
    }

    public Uni<AppointmentDetails> cancel(Caller caller, UUID id, String reason) {
        Instant now = clock.instant();
        return change(caller, id, (appointment, patient) -> {
            if (appointment.status != AppointmentStatus.SCHEDULED && appointment.status != AppointmentStatus.WAITING) {
                throw ProblemException.conflict("Cannot cancel",
                        "the visit is " + appointment.status.label() + "; only visits not yet started can be cancelled");
            }
            appointment.status = AppointmentStatus.CANCELLED;
            appointment.cancelReason = reason;
            appointment.linkGeneration++;
            appointment.updatedAt = now;
            return EventEnvelope.of(new AppointmentCancelled(appointment.id, appointment.doctorId, appointment.patientId,
                    appointment.linkGeneration), now);
        });
    }

    /**
     * Loads, checks access, applies {@code edit} (which gets the visit's patient and returns the event
     * to record) and flushes, in one transaction.
     */
    private Uni<AppointmentDetails> change(Caller caller, UUID id, BiFunction<Appointment, Patient, EventEnvelope<?>> edit) {
        return Panache.withTransaction(() -> visible(caller, id)
                .flatMap(appointment -> {
                    if (!AppointmentAccess.mayChange(caller, appointment)) {
                        throw ProblemException.forbidden("only the visit's doctor or an admin can change it");
                    }
                    return patients.findById(appointment.patientId).flatMap(patient -> {
                        EventEnvelope<?> event = edit.apply(appointment, patient);
                        return appointments.flush()
                                .call(() -> outbox.append(Topics.APPOINTMENTS, appointment.id.toString(), event))
                                .replaceWith(new AppointmentDetails(appointment, patient == null ? null : patient.fullName));
                    });
                }))
                .onFailure(PersistenceFailures::isDoubleBooking).transform(e -> doubleBooking())
                .onFailure(PersistenceFailures::isConcurrentEdit).transform(e -> ProblemException.conflict(
                        "Changed meanwhile", "someone else changed this visit at the same time; reload it and try again"));
    }

    /** The Keycloak account the patient signs in as, for signaling to admit their login; null without one. */
    private static String accountOf(Patient patient) {
        return patient == null ? null : patient.keycloakUserId;
    }

    /** The appointment if the caller may see it; "not found" alike when it does not exist or is not theirs. */
    private Uni<Appointment> visible(Caller caller, UUID id) {
        return callersPatientId(caller).flatMap(own -> appointments.findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("appointment " + id))
                .invoke(appointment -> {
                    if (!AppointmentAccess.maySee(caller, own, appointment)) {
                        throw ProblemException.notFound("appointment " + id);
                    }
                }));
    }

    private Uni<UUID> callersPatientId(Caller caller) {
        if (!caller.isPatient()) {
            return Uni.createFrom().nullItem();
        }
        return patients.findByKeycloakUser(caller.userId()).map(patient -> patient == null ? null : patient.id);
    }

    private Uni<AppointmentDetails> withPatientName(Appointment appointment) {
        return patients.findById(appointment.patientId)
                .map(patient -> new AppointmentDetails(appointment, patient == null ? null : patient.fullName));
    }

    private Uni<List<AppointmentDetails>> withPatientNames(Uni<List<Appointment>> found) {
        return found.flatMap(list -> {
            if (list.isEmpty()) {
                return Uni.createFrom().item(List.<AppointmentDetails>of());
            }
            List<UUID> ids = list.stream().map(a -> a.patientId).distinct().toList();
            return patients.list("id in ?1", ids).map(rows -> {
                Map<UUID, String> names = rows.stream().collect(Collectors.toMap(p -> p.id, p -> p.fullName));
                return list.stream().map(a -> new AppointmentDetails(a, names.get(a.patientId))).toList();
            });
        });
    }

    private static ProblemException doubleBooking() {
        return ProblemException.conflict("Time not available",
                "the doctor already has a visit that overlaps this time; pick another slot");
    }
}
