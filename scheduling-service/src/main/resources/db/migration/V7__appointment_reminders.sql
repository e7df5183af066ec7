-- Reminder emails. Each column holds the link generation a reminder was sent for (null: never), so
-- that a rescheduled visit, whose generation went up, is reminded again with its new link. The
-- reminder job selects due appointments "for update skip locked" and sets these columns in the same
-- transaction as it sends, so several instances never send one reminder twice.
alter table appointment add column reminder_generation integer;
alter table appointment add column short_reminder_generation integer;

-- The reminder job looks for scheduled visits starting soon.
create index appointment_scheduled_start on appointment (starts_at) where status = 'SCHEDULED';
