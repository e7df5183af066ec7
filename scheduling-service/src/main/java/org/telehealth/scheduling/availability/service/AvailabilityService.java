package org.telehealth.scheduling.availability.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.telehealth.scheduling.availability.AvailabilityException;
import org.telehealth.scheduling.availability.FreeSlot;
import org.telehealth.scheduling.availability.InvalidAvailabilityException;
import org.telehealth.scheduling.availability.WeeklyAvailability;
import org.telehealth.scheduling.availability.repository.AvailabilityExceptionRepository;
import org.telehealth.scheduling.availability.repository.BusyTimeRepository;
import org.telehealth.scheduling.availability.repository.DoctorScheduleRepository;

/**
 * When doctors can be booked: their weekly schedule, the dates they are away, and from both and
 * their active appointments the free slots a patient can pick. A doctor is a Keycloak user id; who may
 * change whose schedule is decided at the edge. Invalid input fails the {@code Uni} with an
 * {@link InvalidAvailabilityException}.
 */
@ApplicationScoped
public class AvailabilityService {

    private final DoctorScheduleRepository schedules;
    private final AvailabilityExceptionRepository exceptions;
    private final BusyTimeRepository busyTimes;
    private final FreeSlotCalculator calculator;

    public AvailabilityService(DoctorScheduleRepository schedules, AvailabilityExceptionRepository exceptions,
            BusyTimeRepository busyTimes) {
        this.schedules = schedules;
        this.exceptions = exceptions;
        this.busyTimes = busyTimes;
        this.calculator = new FreeSlotCalculator();
    }

    /** The doctor's schedule; a null item when the doctor has none yet. */
    @WithSession
    public Uni<WeeklyAvailability> schedule(String doctorId) {
        return checked(() -> requireDoctor(doctorId)).chain(() -> schedules.findByDoctor(doctorId));
    }

    /** Replaces the doctor's zone, slot length and every weekly rule at once; the exceptions stay. */
    @WithTransaction
    public Uni<WeeklyAvailability> replaceSchedule(String doctorId, WeeklyAvailability availability) {
        return checked(() -> {
            requireDoctor(doctorId);
            if (availability == null) {
                throw new InvalidAvailabilityException("schedule", "must be given");
            }
        }).chain(() -> schedules.replace(doctorId, availability)).replaceWith(availability);
    }

    /** Marks local dates [firstDay, lastDay] of the doctor as not available; reason is optional. */
    @WithTransaction
    public Uni<AvailabilityException> addException(String doctorId, LocalDate firstDay, LocalDate lastDay, String reason) {
        return checked(() -> requireDoctor(doctorId))
                .map(ignored -> new AvailabilityException(UUID.randomUUID(), firstDay, lastDay, reason))
                .chain(exception -> exceptions.add(doctorId, exception));
    }

    /** Removes one of the doctor's exceptions; false when the doctor has no exception of that id. */
    @WithTransaction
    public Uni<Boolean> removeException(String doctorId, UUID exceptionId) {
        return checked(() -> requireDoctor(doctorId)).chain(() -> exceptionId == null
                ? Uni.createFrom().item(false)
                : exceptions.remove(doctorId, exceptionId));
    }

    /** The doctor's exceptions that touch local dates [from, to], by first day; any range length. */
    @WithSession
    public Uni<List<AvailabilityException>> exceptions(String doctorId, LocalDate from, LocalDate to) {
        return checked(() -> {
            requireDoctor(doctorId);
            if (from == null || to == null || to.isBefore(from)) {
                throw new InvalidAvailabilityException("to", "must be a date on or after from (" + from + ".." + to + ")");
            }
        }).chain(() -> exceptions.touching(doctorId, from, to));
    }

    /**
     * Free slots of the doctor on local dates [from, to] (the doctor's zone, at most
     * {@link FreeSlotCalculator#MAX_DAYS} days) that start at or after {@code now}, in order; an empty
     * list when the doctor has no schedule.
     */
    @WithSession
    public Uni<List<FreeSlot>> freeSlots(String doctorId, LocalDate from, LocalDate to, Instant now) {
        return checked(() -> {
            requireDoctor(doctorId);
            FreeSlotCalculator.requireRange(from, to);
            if (now == null) {
                throw new InvalidAvailabilityException("now", "must be given");
            }
        }).chain(() -> schedules.findByDoctor(doctorId)).chain(availability -> availability == null
                ? Uni.createFrom().item(List.<FreeSlot>of())
                : slotsOf(doctorId, availability, from, to, now));
    }

    /**
     * One session runs one statement at a time, hence the chain. Busy ranges are read over whole UTC
     * days from the day before {@code from} to the day after {@code to}: wider than the local dates in
     * any zone (offsets lie within -12:00..+14:00), and independent of it.
     */
    private Uni<List<FreeSlot>> slotsOf(String doctorId, WeeklyAvailability availability, LocalDate from, LocalDate to,
            Instant now) {
        Instant since = from.minusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant until = to.plusDays(2).atStartOfDay().toInstant(ZoneOffset.UTC);
        return exceptions.touching(doctorId, from, to).chain(off -> busyTimes.activeAppointments(doctorId, since, until)
                .map(busy -> calculator.freeSlots(availability, off, busy, from, to, now)));
    }

    private static void requireDoctor(String doctorId) {
        if (doctorId == null || doctorId.isBlank()) {
            throw new InvalidAvailabilityException("doctorId", "must be a user id");
        }
    }

    /** Runs the checks inside the pipeline, so that a bad argument fails the Uni instead of throwing. */
    private static Uni<Void> checked(Runnable checks) {
        return Uni.createFrom().item((Supplier<Void>) () -> {
            checks.run();
            return null;
        });
    }
}
