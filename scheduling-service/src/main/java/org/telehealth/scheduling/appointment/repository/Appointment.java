package org.telehealth.scheduling.appointment.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * A visit between a doctor (a Keycloak user id) and a patient, in UTC. {@code version} guards
 * concurrent edits; {@code linkGeneration} goes up whenever earlier join links must die.
 */
@Entity
@Table(name = "appointment")
public class Appointment extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "doctor_id", nullable = false)
    public String doctorId;

    @Column(name = "patient_id", nullable = false)
    public UUID patientId;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;

    public String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AppointmentStatus status;

    @Version
    public long version;

    @Column(name = "link_generation", nullable = false)
    public int linkGeneration;

    @Column(name = "cancel_reason")
    public String cancelReason;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
