package org.telehealth.scheduling.availability.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import org.telehealth.scheduling.availability.WeeklyAvailability;
import org.telehealth.scheduling.availability.WeeklyRule;

/** Row of {@code doctor_schedule}: a doctor's time zone and slot length; the rules have their own table. */
@Entity
@Table(name = "doctor_schedule")
public class DoctorScheduleEntity {

    @Id
    @Column(name = "doctor_id")
    public String doctorId;

    @Column(name = "time_zone")
    public String timeZone;

    @Column(name = "slot_minutes")
    public int slotMinutes;

    WeeklyAvailability withRules(List<WeeklyRule> rules) {
        return new WeeklyAvailability(WeeklyAvailability.zoneOf(timeZone), slotMinutes, rules);
    }
}
