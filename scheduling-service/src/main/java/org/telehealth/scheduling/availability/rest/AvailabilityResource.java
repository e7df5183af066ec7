package org.telehealth.scheduling.availability.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.telehealth.scheduling.availability.AvailabilityException;
import org.telehealth.scheduling.availability.FreeSlot;
import org.telehealth.scheduling.availability.service.AvailabilityService;
import org.telehealth.scheduling.identity.Caller;
import org.telehealth.scheduling.identity.CurrentCaller;
import org.telehealth.scheduling.identity.Role;
import org.telehealth.scheduling.problem.ProblemException;

/**
 * A doctor's weekly hours, days off and free slots. {@code me} stands for the calling doctor. A
 * doctor reads and changes their own; an admin anyone's; patients have no access (they are given a
 * time, they do not pick one).
 */
@Path("/api/doctors/{doctorId}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.DOCTOR, Role.ADMIN})
public class AvailabilityResource {

    private final AvailabilityService availability;
    private final CurrentCaller caller;
    private final Clock clock;

    public AvailabilityResource(AvailabilityService availability, CurrentCaller caller, Clock clock) {
        this.availability = availability;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @Path("/availability")
    @Operation(summary = "The doctor's weekly hours (404 when none are set)")
    public Uni<WeeklyAvailabilityBody> schedule(@PathParam("doctorId") String doctorId) {
        return availability.schedule(doctor(doctorId))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("availability of doctor " + doctorId))
                .map(WeeklyAvailabilityBody::of);
    }

    @PUT
    @Path("/availability")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace the doctor's time zone, slot length and weekly hours")
    public Uni<WeeklyAvailabilityBody> replace(@PathParam("doctorId") String doctorId, @NotNull @Valid WeeklyAvailabilityBody body) {
        String doctor = doctor(doctorId);
        return availability.replaceSchedule(doctor, body.toDomain()).map(WeeklyAvailabilityBody::of);
    }

    @GET
    @Path("/availability/exceptions")
    @Operation(summary = "Days off overlapping [from, to] (the doctor's local dates)")
    public Uni<List<AvailabilityException>> exceptions(@PathParam("doctorId") String doctorId,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate first = date("from", from, LocalDate.now(clock).minusDays(1));
        return availability.exceptions(doctor(doctorId), first, date("to", to, first.plusYears(1)));
    }

    @POST
    @Path("/availability/exceptions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add days off")
    public Uni<Response> addException(@PathParam("doctorId") String doctorId, @NotNull @Valid NewExceptionRequest request) {
        return availability.addException(doctor(doctorId), request.firstDay(), request.lastDay(), request.reason())
                .map(added -> Response.created(URI.create("/api/doctors/" + doctorId + "/availability/exceptions/" + added.id()))
                        .entity(added).build());
    }

    @DELETE
    @Path("/availability/exceptions/{exceptionId}")
    @Operation(summary = "Remove days off")
    public Uni<Response> removeException(@PathParam("doctorId") String doctorId, @PathParam("exceptionId") String exceptionId) {
        UUID id;
        try {
            id = UUID.fromString(exceptionId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("exception " + exceptionId);
        }
        return availability.removeException(doctor(doctorId), id).map(removed -> {
            if (!removed) {
                throw ProblemException.notFound("exception " + exceptionId);
            }
            return Response.noContent().build();
        });
    }

    @GET
    @Path("/free-slots")
    @Operation(summary = "Free slots between two of the doctor's local dates (inclusive, at most 62 days), as UTC instants")
    public Uni<List<FreeSlot>> freeSlots(@PathParam("doctorId") String doctorId, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        LocalDate first = date("from", from, LocalDate.now(clock));
        return availability.freeSlots(doctor(doctorId), first, date("to", to, first.plusDays(6)), clock.instant());
    }

    /** The doctor id the caller may act on: their own ({@code me} or their id) or, for an admin, any. */
    private String doctor(String doctorId) {
        Caller who = caller.get();
        String id = "me".equals(doctorId) ? who.userId() : doctorId;
        if (!who.isAdmin() && !id.equals(who.userId())) {
            throw ProblemException.forbidden("a doctor manages their own availability only");
        }
        return id;
    }

    private static LocalDate date(String field, String value, LocalDate fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "must be a date like 2026-11-23");
        }
    }
}
