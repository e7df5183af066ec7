package org.telehealth.scheduling.reminder.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.telehealth.scheduling.reminder.ReminderKind;

/**
 * Finds and marks the appointments that need a reminder, with plain SQL on the caller's connection
 * and transaction: the reminder columns and the doctor's time zone (table {@code doctor_schedule},
 * owned by availability, read only here) are not part of the appointment entity.
 */
@ApplicationScoped
public class ReminderRepository {

    /**
     * Scheduled visits with a patient email, starting in (now, lead], not yet reminded for their
     * current link generation, or within the short lead and not yet given the short reminder. Rows
     * another instance holds are skipped, not waited for.
     */
    private static final String LOCK_DUE = """
            select a.id, a.patient_id, a.starts_at, a.ends_at, a.link_generation,
                   a.reminder_generation, a.short_reminder_generation, p.email, s.time_zone
            from appointment a
            join patient p on p.id = a.patient_id
            left join doctor_schedule s on s.doctor_id = a.doctor_id
            where a.status = 'SCHEDULED'
              and a.starts_at > $1 and a.starts_at <= $2
              and p.email is not null
              and (a.reminder_generation is distinct from a.link_generation
                   or (a.starts_at <= $3 and a.short_reminder_generation is distinct from a.link_generation))
            order by a.starts_at
            limit $4
            for update of a skip locked
            """;

    /** Locks at most {@code limit} visits due a reminder: starting after {@code now}, within the leads. */
    public Uni<List<DueReminder>> lockDue(SqlConnection connection, Instant now, Instant leadEnd, Instant shortLeadEnd,
            int limit) {
        return connection.preparedQuery(LOCK_DUE)
                .execute(Tuple.of(utc(now), utc(leadEnd), utc(shortLeadEnd), limit))
                .map(rows -> {
                    List<DueReminder> due = new ArrayList<>();
                    for (Row row : rows) {
                        due.add(new DueReminder(row.getUUID("id"), row.getUUID("patient_id"),
                                row.getOffsetDateTime("starts_at").toInstant(), row.getOffsetDateTime("ends_at").toInstant(),
                                row.getInteger("link_generation"), row.getInteger("reminder_generation"),
                                row.getInteger("short_reminder_generation"), row.getString("email"), row.getString("time_zone")));
                    }
                    return due;
                });
    }

    /**
     * Records that the reminder of {@code kind} was sent for {@code generation}. A short reminder
     * counts as the first one too: a visit booked minutes ahead gets one email, not two.
     */
    public Uni<Void> markSent(SqlConnection connection, UUID appointmentId, ReminderKind kind, int generation) {
        String sql = kind == ReminderKind.STARTING_SOON
                ? "update appointment set reminder_generation = $2, short_reminder_generation = $2 where id = $1"
                : "update appointment set reminder_generation = $2 where id = $1";
        return connection.preparedQuery(sql).execute(Tuple.of(appointmentId, generation)).replaceWithVoid();
    }

    private static Object utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
