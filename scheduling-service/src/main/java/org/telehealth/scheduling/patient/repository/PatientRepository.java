package org.telehealth.scheduling.patient.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Patients by id, by Keycloak account, and by name for the portal's search. */
@WithSession
@ApplicationScoped
public class PatientRepository implements PanacheRepositoryBase<Patient, UUID> {

    public Uni<Patient> findByKeycloakUser(String keycloakUserId) {
        return find("keycloakUserId", keycloakUserId).firstResult();
    }

    /** Patients whose name contains {@code text}, case-insensitively, at most {@code limit}. */
    public Uni<List<Patient>> searchByName(String text, int limit) {
        String pattern = "%" + text.toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return find("lower(fullName) like ?1 escape '\\' order by fullName, id", pattern).page(0, limit).list();
    }
}
