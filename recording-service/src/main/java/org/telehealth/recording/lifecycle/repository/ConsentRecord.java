package org.telehealth.recording.lifecycle.repository;

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
import org.telehealth.events.recording.ConsentDecision;
import org.telehealth.events.visit.ParticipantRole;

/** One consent decision as received (table {@code consent_decision}): who, when, what, under which wording. */
@Entity
@Table(name = "consent_decision")
public class ConsentRecord extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id", nullable = false, updatable = false)
    public UUID eventId;

    @Column(name = "recording_id", nullable = false, updatable = false)
    public UUID recordingId;

    @Column(name = "participant_id", nullable = false, updatable = false)
    public String participantId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public ParticipantRole role;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public ConsentDecision decision;

    @Column(name = "decided_at", nullable = false, updatable = false)
    public Instant decidedAt;

    @Column(name = "consent_text_version", nullable = false, updatable = false)
    public String consentTextVersion;

    @Column(name = "received_at", nullable = false, updatable = false)
    public Instant receivedAt;
}
