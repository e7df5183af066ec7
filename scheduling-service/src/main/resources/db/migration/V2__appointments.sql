-- Patients: the minimum PHI a visit needs. A patient may have a Keycloak account (keycloak_user_id)
-- or only the join links sent to their email.
create table patient (
    id               uuid primary key,
    keycloak_user_id text unique,
    full_name        text not null check (length(full_name) between 1 and 200),
    date_of_birth    date not null,
    email            text check (email is null or length(email) <= 254),
    phone            text check (phone is null or length(phone) <= 32),
    created_at       timestamptz not null default now()
);

-- Appointments, stored in UTC (timestamptz). A doctor is a Keycloak user, referred to by its id.
create table appointment (
    id         uuid primary key,
    doctor_id  text not null,
    patient_id uuid not null references patient (id),
    starts_at  timestamptz not null,
    ends_at    timestamptz not null,
    reason     text check (reason is null or length(reason) <= 500),
    status     text not null check (status in ('SCHEDULED', 'WAITING', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED', 'NO_SHOW')),
    version    bigint not null default 0,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    check (ends_at > starts_at),
    -- No double booking, ever: two active appointments of one doctor may not overlap, whatever
    -- instance or transaction writes them. Half-open ranges, so back-to-back visits are allowed.
    constraint appointment_no_double_booking exclude using gist (
        doctor_id with =,
        tstzrange(starts_at, ends_at, '[)') with &&
    ) where (status in ('SCHEDULED', 'WAITING', 'IN_PROGRESS'))
);

create index appointment_patient on appointment (patient_id, starts_at);
create index appointment_doctor_day on appointment (doctor_id, starts_at);
