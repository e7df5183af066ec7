package org.telehealth.scheduling.availability.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.telehealth.scheduling.availability.WeeklyRule;

/** The weekly rules of doctors; only {@link DoctorScheduleRepository} uses it, as part of a schedule. */
@ApplicationScoped
@WithSession
public class WeeklyRuleRepository implements PanacheRepositoryBase<WeeklyRuleEntity, UUID> {

    Uni<List<WeeklyRule>> rulesOf(String doctorId) {
        return list("doctorId", Sort.by("dayOfWeek").and("startTime"), doctorId)
                .map(entities -> entities.stream().map(WeeklyRuleEntity::toRule).toList());
    }

    /**
     * Deletes the old rules with one statement before the new ones are persisted. Letting Hibernate
     * remove and insert entities would insert first (it flushes deletions last) and trip the
     * database's no-overlap constraint whenever a new rule overlaps an old one.
     */
    Uni<Void> replaceAll(String doctorId, List<WeeklyRule> weekly) {
        return delete("doctorId", doctorId)
                .chain(() -> persist(weekly.stream().map(rule -> WeeklyRuleEntity.of(doctorId, rule))));
    }
}
