-- Transactional outbox: every appointment event is written here in the same transaction as the
-- change it describes, then relayed to Kafka in seq order by one relay at a time (advisory lock).
-- A row stays until Kafka acknowledged it, so nothing acknowledged to a client is ever lost, even
-- when the broker was down; consumers drop the redeliveries a crash between send and mark causes
-- by the event id.
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
