package org.telehealth.recording.lifecycle.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;
import org.telehealth.events.visit.ParticipantRole;

/** Someone whose consent a recording needs (table {@code recording_participant}), as the request named them. */
@Entity
@Table(name = "recording_participant")
@IdClass(RecordingParticipant.Key.class)
public class RecordingParticipant extends PanacheEntityBase {

    @Id
    @Column(name = "recording_id")
    public UUID recordingId;

    @Id
    @Column(name = "participant_id")
    public String participantId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ParticipantRole role;

    /** Keycloak user id, when the participant has an account. */
    @Column(name = "account_id")
    public String accountId;

    /** The primary key: recording and participant. */
    public record Key(UUID recordingId, String participantId) implements Serializable {

        public Key() {
            this(null, null);
        }
    }
}
