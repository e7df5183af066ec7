-- Join links carry the appointment's link generation; cancelling or rescheduling bumps it, so the
-- links issued before are refused by signaling (which learns the generation from the events).
alter table appointment add column link_generation integer not null default 1 check (link_generation >= 1);
-- Why a visit was cancelled, as the doctor typed it (may hold PHI: it never leaves this database).
alter table appointment add column cancel_reason text check (cancel_reason is null or length(cancel_reason) <= 500);
