package org.telehealth.scheduling.availability.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.telehealth.scheduling.availability.WeeklyAvailability;

/**
 * A doctor's schedule as one whole: the settings row and its weekly rules are read and replaced
 * together. Replacing starts with an upsert of the settings row, which locks it, so that two
 * concurrent replacements of one doctor's schedule run one after the other instead of mixing rules.
 */
@ApplicationScoped
@WithSession
public class DoctorScheduleRepository implements PanacheRepositoryBase<DoctorScheduleEntity, String> {

    private static final String UPSERT = """
            insert into doctor_schedule (doctor_id, time_zone, slot_minutes, updated_at)
            values (:doctor, :zone, :slotMinutes, now())
            on conflict (doctor_id) do update
            set time_zone = excluded.time_zone, slot_minutes = excluded.slot_minutes, updated_at = now()
            """;

    private final WeeklyRuleRepository rules;

    public DoctorScheduleRepository(WeeklyRuleRepository rules) {
        this.rules = rules;
    }

    /** The doctor's schedule, or null when the doctor has none. */
    public Uni<WeeklyAvailability> findByDoctor(String doctorId) {
        return findById(doctorId).chain(settings -> settings == null
                ? Uni.createFrom().nullItem()
                : rules.rulesOf(doctorId).map(settings::withRules));
    }

    /** Replaces the doctor's zone, slot length and rules; needs the caller's transaction. */
    public Uni<Void> replace(String doctorId, WeeklyAvailability availability) {
        return getSession().chain(session -> session.createNativeQuery(UPSERT)
                        .setParameter("doctor", doctorId)
                        .setParameter("zone", availability.zone().getId())
                        .setParameter("slotMinutes", availability.slotMinutes())
                        .executeUpdate())
                .chain(() -> rules.replaceAll(doctorId, availability.weekly()));
    }
}
