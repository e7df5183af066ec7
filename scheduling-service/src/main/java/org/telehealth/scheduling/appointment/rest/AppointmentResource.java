package org.telehealth.scheduling.appointment.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.telehealth.scheduling.appointment.repository.AppointmentFilter;
import org.telehealth.scheduling.appointment.repository.AppointmentStatus;
import org.telehealth.scheduling.appointment.service.AppointmentService;
import org.telehealth.scheduling.appointment.service.BookAppointment;
import org.telehealth.scheduling.appointment.service.RescheduleAppointment;
import org.telehealth.scheduling.identity.CurrentCaller;
import org.telehealth.scheduling.identity.Role;
import org.telehealth.scheduling.problem.ProblemException;

/**
 * The appointments API of the doctor portal and of patients with an account. Every call needs one
 * of the platform roles; which appointments the caller may see or change is the service's
 * decision (an appointment the caller may not see answers 404, exactly as one that does not exist).
 */
@Path("/api/appointments")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.DOCTOR, Role.ADMIN, Role.PATIENT})
public class AppointmentResource {

    private final AppointmentService appointments;
    private final CurrentCaller caller;

    public AppointmentResource(AppointmentService appointments, CurrentCaller caller) {
        this.appointments = appointments;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.DOCTOR, Role.ADMIN})
    @Operation(summary = "Book a visit (doctor: in their own calendar; admin: for any doctor). 409 when the doctor is not free")
    public Uni<Response> book(@NotNull @Valid NewAppointmentRequest request) {
        return appointments.book(caller.get(), new BookAppointment(request.doctorId(), request.patientId(),
                        request.startsAt(), request.durationMinutes(), request.reason()))
                .map(AppointmentView::of)
                .map(view -> Response.created(URI.create("/api/appointments/" + view.id())).entity(view).build());
    }

    @GET
    @Operation(summary = "List visits overlapping a day (in a time zone) or a range, optionally by status and doctor")
    public Uni<List<AppointmentView>> list(
            @Parameter(description = "a calendar day, e.g. 2026-11-23, read in `zone`") @QueryParam("day") String day,
            @Parameter(description = "IANA time zone of `day`, e.g. Europe/Paris; UTC when absent") @QueryParam("zone") String zone,
            @Parameter(description = "only visits ending after this instant") @QueryParam("from") String from,
            @Parameter(description = "only visits starting before this instant") @QueryParam("to") String to,
            @Parameter(description = "scheduled, waiting, in_progress, completed, cancelled or no_show") @QueryParam("status") String status,
            @Parameter(description = "Keycloak user id of the doctor (admins; doctors see their own)") @QueryParam("doctorId") String doctorId) {
        Instant fromInstant = instant("from", from);
        Instant toInstant = instant("to", to);
        if (day != null) {
            ZoneId zoneId = zone(zone);
            LocalDate date = date(day);
            fromInstant = date.atStartOfDay(zoneId).toInstant();
            toInstant = date.plusDays(1).atStartOfDay(zoneId).toInstant();
        }
        AppointmentFilter filter = new AppointmentFilter(doctorId, null, fromInstant, toInstant, status(status));
        return appointments.list(caller.get(), filter).map(list -> list.stream().map(AppointmentView::of).toList());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One visit; 404 when it does not exist or is not the caller's")
    public Uni<AppointmentView> get(@PathParam("id") String id) {
        return appointments.get(caller.get(), uuid(id)).map(AppointmentView::of);
    }

    @POST
    @Path("/{id}/reschedule")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move a scheduled visit; earlier join links die. 409 when the doctor is not free")
    public Uni<AppointmentView> reschedule(@PathParam("id") String id, @NotNull @Valid RescheduleRequest request) {
        return appointments.reschedule(caller.get(), uuid(id),
                new RescheduleAppointment(request.startsAt(), request.durationMinutes())).map(AppointmentView::of);
    }

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Cancel a visit that has not started; its join links die")
    public Uni<AppointmentView> cancel(@PathParam("id") String id, @Valid CancelRequest request) {
        return appointments.cancel(caller.get(), uuid(id), request == null ? null : request.reason()).map(AppointmentView::of);
    }

    @GET
    @Path("/{id}/join-link")
    @Operation(summary = "The patient's browser link to the visit (the visit's doctor or an admin); 409 once cancelled or over")
    public Uni<JoinLinkView> joinLink(@PathParam("id") String id) {
        return appointments.joinLink(caller.get(), uuid(id)).map(JoinLinkView::of);
    }

    @POST
    @Path("/{id}/guest-links")
    @Operation(summary = "A link for one invited guest (interpreter, family member), who waits to be admitted; "
            + "the visit's doctor or an admin; 409 once cancelled or over")
    @APIResponse(responseCode = "201", description = "a new guest's link")
    public Uni<Response> guestLink(@PathParam("id") String id) {
        return appointments.guestLink(caller.get(), uuid(id))
                .map(link -> Response.status(Response.Status.CREATED).entity(JoinLinkView.of(link)).build());
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("appointment " + id);
        }
    }

    private static Instant instant(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "must be an instant like 2026-11-23T08:00:00Z");
        }
    }

    private static LocalDate date(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField("day", "must be a date like 2026-11-23");
        }
    }

    private static ZoneId zone(String value) {
        if (value == null) {
            return ZoneId.of("UTC");
        }
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            throw ProblemException.invalidField("zone", "must be an IANA time zone like Europe/Paris");
        }
    }

    private static AppointmentStatus status(String value) {
        if (value == null) {
            return null;
        }
        try {
            return AppointmentStatus.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("status", "must be one of scheduled, waiting, in_progress, completed, cancelled, no_show");
        }
    }
}
