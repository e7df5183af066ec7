package org.telehealth.scheduling.availability.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.UUID;
import org.telehealth.scheduling.availability.WeeklyRule;

/**
 * Row of {@code weekly_rule}. Rules point at their doctor by id rather than through an association:
 * they are only ever read and replaced as a doctor's whole set.
 */
@Entity
@Table(name = "weekly_rule")
public class WeeklyRuleEntity {

    @Id
    public UUID id;

    @Column(name = "doctor_id")
    public String doctorId;

    /** ISO day of week, 1 = Monday. */
    @Column(name = "day_of_week")
    public int dayOfWeek;

    @Column(name = "start_time")
    public LocalTime startTime;

    @Column(name = "end_time")
    public LocalTime endTime;

    static WeeklyRuleEntity of(String doctorId, WeeklyRule rule) {
        WeeklyRuleEntity entity = new WeeklyRuleEntity();
        entity.id = UUID.randomUUID();
        entity.doctorId = doctorId;
        entity.dayOfWeek = rule.day().getValue();
        entity.startTime = rule.start();
        entity.endTime = rule.end();
        return entity;
    }

    WeeklyRule toRule() {
        return new WeeklyRule(DayOfWeek.of(dayOfWeek), startTime, endTime);
    }
}
