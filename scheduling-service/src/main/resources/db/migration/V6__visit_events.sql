-- Visit events (topic telehealth.visits) move appointments through WAITING, IN_PROGRESS, COMPLETED
-- and NO_SHOW. Kafka delivers at least once, so the id of every event the consumer handled is kept
-- here, written in the same transaction as its effect: a redelivered event finds its id and changes
-- nothing twice. Ids older than the retention (scheduling.visit.processed-event-retention) are deleted.
create table visit_event_processed (
    event_id     uuid primary key,
    processed_at timestamptz not null default now()
);

create index visit_event_processed_age on visit_event_processed (processed_at);

-- The no-show job looks for visits not started long after their end.
create index appointment_not_started_end on appointment (ends_at) where status in ('SCHEDULED', 'WAITING');
