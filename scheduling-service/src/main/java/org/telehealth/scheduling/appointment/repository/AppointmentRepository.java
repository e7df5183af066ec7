package org.telehealth.scheduling.appointment.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Appointments by id and by the filters of the portal's lists. */
@WithSession
@ApplicationScoped
public class AppointmentRepository implements PanacheRepositoryBase<Appointment, UUID> {

    /** At most this many appointments per list: a doctor's week fits many times over. */
    public static final int MAX_RESULTS = 500;

    public Uni<List<Appointment>> list(AppointmentFilter filter) {
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (filter.doctorId() != null) {
            where.add("doctorId = :doctor");
            parameters.and("doctor", filter.doctorId());
        }
        if (filter.patientId() != null) {
            where.add("patientId = :patient");
            parameters.and("patient", filter.patientId());
        }
        if (filter.from() != null) {
            where.add("endsAt > :from");
            parameters.and("from", filter.from());
        }
        if (filter.to() != null) {
            where.add("startsAt < :to");
            parameters.and("to", filter.to());
        }
        if (filter.status() != null) {
            where.add("status = :status");
            parameters.and("status", filter.status());
        }
        String query = (where.isEmpty() ? "" : String.join(" and ", where) + " ") + "order by startsAt, id";
        return find(query, parameters).page(0, MAX_RESULTS).list();
    }
}
