-- Doctors' availability, kept in the doctor's own time zone: weekly rules are wall-clock times and
-- exceptions are local dates, not instants, because "Mondays 09:00-12:00 in Europe/Paris" must stay
-- 09:00 local across daylight saving changes. Free slots are computed from them date by date in the
-- service (FreeSlotCalculator); only appointments are stored as instants (UTC, timestamptz).

-- A doctor's settings: one row per doctor who has set up a schedule. A doctor is a Keycloak user,
-- referred to by its id, as in appointment.doctor_id.
create table doctor_schedule (
    doctor_id    text primary key check (length(doctor_id) between 1 and 255),
    -- An IANA zone id (Europe/Paris), never a fixed offset, which is wrong for half of the year where
    -- clocks change. The service checks the id against the Java time-zone database that computes the
    -- slots, the one that matters (PostgreSQL's own copy may be older or newer); this check keeps out
    -- what surely is no IANA id: offsets such as +02:00 or UTC+2:00, blanks.
    time_zone    text not null check (length(time_zone) <= 64 and time_zone ~ '^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)*$'),
    -- Length of a bookable slot: from a 5-minute check-in to a 4-hour session.
    slot_minutes integer not null check (slot_minutes between 5 and 240),
    updated_at   timestamptz not null default now()
);

-- Weekly rules: on ISO day of week day_of_week (1 = Monday), the doctor is available from
-- start_time (inclusive) to end_time (exclusive), in the zone of their doctor_schedule row, which
-- gives the times their meaning (hence the foreign key). Whole minutes within one day: a rule does
-- not run past midnight, and 24:00 is refused because Java's LocalTime cannot read it.
create table weekly_rule (
    id          uuid primary key,
    doctor_id   text not null references doctor_schedule (doctor_id) on delete cascade,
    day_of_week integer not null check (day_of_week between 1 and 7),
    start_time  time not null check (extract(second from start_time) = 0),
    end_time    time not null check (extract(second from end_time) = 0 and end_time < time '24:00'),
    check (end_time > start_time),
    -- Two rules of one doctor's day may not overlap, whatever writes them: the same slot would be
    -- offered twice. Half-open ranges of minutes of the day, so 09:00-12:00 and 12:00-13:00 may
    -- follow each other. The GiST index also serves the look-up of a doctor's rules.
    constraint weekly_rule_no_overlap exclude using gist (
        doctor_id with =,
        day_of_week with =,
        int4range((extract(epoch from start_time) / 60)::integer, (extract(epoch from end_time) / 60)::integer, '[)') with &&
    )
);

-- Exceptions: whole local dates, first_day to last_day inclusive as people say them, on which the
-- doctor is away whatever the weekly rules say (holidays, leave, a conference). No foreign key to
-- doctor_schedule: a doctor may record leave before setting up weekly hours, and keeps it when they
-- change. Overlapping exceptions are harmless, so they are allowed.
create table availability_exception (
    id         uuid primary key,
    doctor_id  text not null check (length(doctor_id) between 1 and 255),
    first_day  date not null,
    last_day   date not null,
    reason     text check (reason is null or length(reason) <= 200),
    created_at timestamptz not null default now(),
    check (last_day >= first_day)
);

-- Free slots read the exceptions of one doctor that touch a date range.
create index availability_exception_doctor on availability_exception (doctor_id, last_day);
