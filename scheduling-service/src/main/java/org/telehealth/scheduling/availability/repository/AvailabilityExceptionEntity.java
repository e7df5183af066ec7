package org.telehealth.scheduling.availability.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;
import org.telehealth.scheduling.availability.AvailabilityException;

/** Row of {@code availability_exception}; {@code created_at} is left to the database's default. */
@Entity
@Table(name = "availability_exception")
public class AvailabilityExceptionEntity {

    @Id
    public UUID id;

    @Column(name = "doctor_id")
    public String doctorId;

    @Column(name = "first_day")
    public LocalDate firstDay;

    @Column(name = "last_day")
    public LocalDate lastDay;

    public String reason;

    static AvailabilityExceptionEntity of(String doctorId, AvailabilityException exception) {
        AvailabilityExceptionEntity entity = new AvailabilityExceptionEntity();
        entity.id = exception.id();
        entity.doctorId = doctorId;
        entity.firstDay = exception.firstDay();
        entity.lastDay = exception.lastDay();
        entity.reason = exception.reason();
        return entity;
    }

    AvailabilityException toException() {
        return new AvailabilityException(id, firstDay, lastDay, reason);
    }
}
