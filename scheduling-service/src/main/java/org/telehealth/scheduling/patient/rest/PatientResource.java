package org.telehealth.scheduling.patient.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.telehealth.scheduling.identity.Role;
import org.telehealth.scheduling.patient.repository.Patient;
import org.telehealth.scheduling.patient.service.PatientService;
import org.telehealth.scheduling.problem.ProblemException;

/** Patients for the people who book visits: doctors and admins only; patients never list others. */
@Path("/api/patients")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.DOCTOR, Role.ADMIN})
public class PatientResource {

    private final PatientService patients;

    public PatientResource(PatientService patients) {
        this.patients = patients;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a patient")
    public Uni<Response> register(@NotNull @Valid NewPatientRequest request) {
        Patient patient = new Patient();
        patient.fullName = request.fullName().strip();
        patient.dateOfBirth = request.dateOfBirth();
        patient.email = request.email();
        patient.phone = request.phone();
        patient.keycloakUserId = request.keycloakUserId();
        return patients.register(patient).map(PatientView::of)
                .map(view -> Response.created(URI.create("/api/patients/" + view.id())).entity(view).build());
    }

    @GET
    @Operation(summary = "Patients whose name contains the text (at most 50)")
    public Uni<List<PatientView>> search(@QueryParam("name") @Size(max = 200) String name) {
        return patients.search(name).map(list -> list.stream().map(PatientView::of).toList());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One patient")
    public Uni<PatientView> get(@PathParam("id") String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("patient " + id);
        }
        return patients.get(uuid).map(PatientView::of);
    }
}
