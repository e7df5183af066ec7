package org.telehealth.recording.lifecycle.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One recording of a visit (table {@code recording}): its request, its state, and what was stored. */
@Entity
@Table(name = "recording")
public class Recording extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "visit_id", nullable = false, updatable = false)
    public UUID visitId;

    @Column(name = "doctor_id", nullable = false, updatable = false)
    public String doctorId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RecordingStatus status;

    @Column(name = "requested_at", nullable = false, updatable = false)
    public Instant requestedAt;

    /** The control API of the media-service instance hosting the visit's room, as the request named it; null: not named. */
    @Column(name = "media_control_url", updatable = false)
    public String mediaControlUrl;

    @Column(name = "capture_node")
    public String captureNode;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "stop_requested_at")
    public Instant stopRequestedAt;

    @Column(name = "stop_reason")
    public String stopReason;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(name = "duration_ms")
    public Long durationMillis;

    @Column(name = "storage_key")
    public String storageKey;

    @Column(name = "size_bytes")
    public Long sizeBytes;

    public String sha256;

    @Column(name = "master_key_id")
    public String masterKeyId;

    @Column(name = "media_bytes")
    public Long mediaBytes;

    @Column(name = "media_sha256")
    public String mediaSha256;

    @Column(name = "chunk_index")
    public byte[] chunkIndex;

    @Column(nullable = false)
    public boolean partial;

    @Column(name = "failure_reason")
    public String failureReason;

    @Column(name = "deleted_at")
    public Instant deletedAt;

    @Column(name = "deleted_by")
    public String deletedBy;
}
