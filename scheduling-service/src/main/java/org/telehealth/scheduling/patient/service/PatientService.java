package org.telehealth.scheduling.patient.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.telehealth.scheduling.patient.repository.Patient;
import org.telehealth.scheduling.patient.repository.PatientRepository;
import org.telehealth.scheduling.problem.ProblemException;

/**
 * Registers and finds patients for the people who book visits (doctors and admins; the REST layer
 * lets no one else in). A Keycloak account links to at most one patient record.
 */
@ApplicationScoped
public class PatientService {

    static final int MAX_SEARCH_RESULTS = 50;

    private final PatientRepository patients;

    public PatientService(PatientRepository patients) {
        this.patients = patients;
    }

    @WithTransaction
    public Uni<Patient> register(Patient patient) {
        patient.id = UUID.randomUUID();
        if (patient.keycloakUserId == null) {
            return patients.persistAndFlush(patient);
        }
        return patients.findByKeycloakUser(patient.keycloakUserId)
                .onItem().ifNotNull().failWith(() -> ProblemException.conflict("Account already linked",
                        "this Keycloak account belongs to another patient record"))
                .flatMap(nobody -> patients.persistAndFlush(patient));
    }

    public Uni<Patient> get(UUID id) {
        return patients.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("patient " + id));
    }

    public Uni<List<Patient>> search(String name) {
        return patients.searchByName(name == null ? "" : name.strip(), MAX_SEARCH_RESULTS);
    }
}
