package org.telehealth.scheduling.patient.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A patient: the minimum PHI a visit needs (name, date of birth, how to reach them), and the
 * Keycloak user they sign in as when they have an account. Never logged.
 */
@Entity
@Table(name = "patient")
public class Patient extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "keycloak_user_id")
    public String keycloakUserId;

    @Column(name = "full_name", nullable = false)
    public String fullName;

    @Column(name = "date_of_birth", nullable = false)
    public LocalDate dateOfBirth;

    public String email;

    public String phone;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public Instant createdAt;
}
