-- Recordings of visits and everything needed to prove they were made with consent and kept safely.
-- Status: AWAITING_CONSENT -> RECORDING -> COMPLETED -> DELETED, or AWAITING_CONSENT -> DECLINED |
-- CANCELLED | FAILED, or RECORDING -> FAILED. Only COMPLETED recordings have content (a file in the
-- storage, encrypted); DELETED ones had it and it is gone (crypto-shredded: the file held the only
-- copy of the wrapped data key).
create table recording (
    id                uuid primary key,
    visit_id          uuid not null,
    -- the visit's doctor, who asked to record (Keycloak user id): may list, play and delete it
    doctor_id         text not null,
    status            text not null check (status in
                          ('AWAITING_CONSENT', 'RECORDING', 'COMPLETED', 'DECLINED', 'CANCELLED', 'FAILED', 'DELETED')),
    requested_at      timestamptz not null,
    -- this instance captures it (recording.node-id); its spool directory holds the file until it is stored
    capture_node      text,
    started_at        timestamptz,
    stop_requested_at timestamptz,
    stop_reason       text,
    ended_at          timestamptz,
    duration_ms       bigint,
    -- the stored (encrypted) file: its key in the storage, length, SHA-256; the master key wrapping its data key
    storage_key       text,
    size_bytes        bigint,
    sha256            text,
    master_key_id     text,
    -- the video inside: length and SHA-256 of the plaintext WebM
    media_bytes       bigint,
    media_sha256      text,
    -- where each chunk lies (see ChunkIndex), so that a range is served without scanning the file
    chunk_index       bytea,
    -- true when the recording was cut off by a crash of the service and kept up to its last whole chunk
    partial           boolean not null default false,
    failure_reason    text,
    deleted_at        timestamptz,
    deleted_by        text,
    constraint recording_content_when_completed check (status <> 'COMPLETED'
        or (storage_key is not null and size_bytes is not null and sha256 is not null and chunk_index is not null
            and media_bytes is not null and started_at is not null and ended_at is not null)),
    constraint recording_deleted_by_someone check (status <> 'DELETED' or (deleted_at is not null and deleted_by is not null))
);

create index recording_visit on recording (visit_id);
-- A visit has at most one recording waiting for consent or running.
create unique index recording_one_active_per_visit on recording (visit_id) where status in ('AWAITING_CONSENT', 'RECORDING');
-- The capture supervisor of each instance looks for its running recordings.
create index recording_running on recording (capture_node) where status = 'RECORDING';
-- The retention job looks for completed recordings by age.
create index recording_retention on recording (ended_at) where status = 'COMPLETED';

-- Everyone whose consent a recording needs, as signaling listed them in recording.requested.
create table recording_participant (
    recording_id   uuid not null references recording (id),
    participant_id text not null,
    role           text not null check (role in ('PATIENT', 'DOCTOR', 'GUEST')),
    -- Keycloak user id when the participant has an account: patients see recordings by it alone
    account_id     text,
    primary key (recording_id, participant_id)
);

create index recording_participant_account on recording_participant (account_id) where account_id is not null;

-- Every consent decision, as received: who, when, what, and the wording they were shown. Never updated
-- or deleted; a participant's latest decision counts.
create table consent_decision (
    id                   bigserial primary key,
    event_id             uuid not null unique,
    recording_id         uuid not null references recording (id),
    participant_id       text not null,
    role                 text not null check (role in ('PATIENT', 'DOCTOR', 'GUEST')),
    decision             text not null check (decision in ('ACCEPTED', 'DECLINED')),
    decided_at           timestamptz not null,
    consent_text_version text not null,
    received_at          timestamptz not null default now(),
    foreign key (recording_id, participant_id) references recording_participant (recording_id, participant_id)
);

create index consent_decision_recording on consent_decision (recording_id, id);

-- Visits signaling said had ended: a recording requested afterwards is refused.
create table ended_visit (
    visit_id uuid primary key,
    ended_at timestamptz not null
);

-- Ids of the events already handled (Kafka delivers at least once); purged after a while.
create table processed_event (
    event_id     uuid primary key,
    processed_at timestamptz not null default now()
);

create index processed_event_age on processed_event (processed_at);

-- Every access to the recordings API, allowed or not: who, with which roles, did what to which
-- recording, when, from where, and what they got. Rows are never changed or deleted.
create table access_audit (
    id             bigserial primary key,
    at             timestamptz not null default now(),
    actor_id       text not null,
    actor_roles    text not null,
    action         text not null,
    recording_id   uuid,
    visit_id       uuid,
    outcome        text not null,
    -- the HTTP status answered; null for the retention job, which answers nobody
    http_status    integer,
    remote_address text,
    detail         text
);

create index access_audit_recording on access_audit (recording_id, at);
create index access_audit_actor on access_audit (actor_id, at);

create function access_audit_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'access_audit rows are never changed or deleted';
end $$;

create trigger access_audit_append_only before update or delete on access_audit
    for each row execute function access_audit_is_append_only();

-- Transactional outbox: recording.started / completed / failed are written here in the transaction
-- that changes the recording, and relayed to Kafka (telehealth.recordings) in seq order by one relay
-- at a time. A row stays until Kafka acknowledged it; consumers drop redeliveries by event id.
create table outbox_event (
    seq          bigserial primary key,
    event_id     uuid not null unique,
    topic        text not null,
    record_key   text not null,
    event_type   text not null,
    payload      bytea not null,
    created_at   timestamptz not null default now(),
    published_at timestamptz
);

create index outbox_event_pending on outbox_event (seq) where published_at is null;
