package org.telehealth.recording.audit;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One access to the recordings (table {@code access_audit}, append-only). */
@Entity
@Table(name = "access_audit")
public class AccessAudit extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, updatable = false)
    public Instant at;

    @Column(name = "actor_id", nullable = false, updatable = false)
    public String actorId;

    @Column(name = "actor_roles", nullable = false, updatable = false)
    public String actorRoles;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public AuditAction action;

    @Column(name = "recording_id", updatable = false)
    public UUID recordingId;

    @Column(name = "visit_id", updatable = false)
    public UUID visitId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public AuditOutcome outcome;

    @Column(name = "http_status", updatable = false)
    public Integer httpStatus;

    @Column(name = "remote_address", updatable = false)
    public String remoteAddress;

    @Column(updatable = false)
    public String detail;
}
