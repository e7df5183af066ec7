package org.telehealth.scheduling.appointment.service;

import jakarta.persistence.OptimisticLockException;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.Predicate;
import org.hibernate.JDBCException;
import org.hibernate.StaleStateException;

/**
 * Recognises, in a failure from the database, the two conflicts a booking can meet: the exclusion
 * constraint that forbids overlapping visits of a doctor (SQLSTATE 23P01, whichever instance or
 * transaction got there first) and a concurrent edit of the same appointment (version check).
 * Hibernate Reactive may report the database's error as a cause or as a suppressed exception of
 * the transaction's failure, so both are searched.
 */
final class PersistenceFailures {

    private static final String EXCLUSION_VIOLATION = "23P01";

    private PersistenceFailures() {
    }

    static boolean isDoubleBooking(Throwable failure) {
        return anywhere(failure, cause -> (cause instanceof JDBCException jdbc && EXCLUSION_VIOLATION.equals(jdbc.getSQLState()))
                || (cause instanceof SQLException sql && EXCLUSION_VIOLATION.equals(sql.getSQLState())));
    }

    static boolean isConcurrentEdit(Throwable failure) {
        return anywhere(failure, cause -> cause instanceof OptimisticLockException || cause instanceof StaleStateException);
    }

    private static boolean anywhere(Throwable failure, Predicate<Throwable> test) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> pending = new ArrayDeque<>();
        pending.add(failure);
        while (!pending.isEmpty()) {
            Throwable next = pending.poll();
            if (next == null || !seen.add(next)) {
                continue;
            }
            if (test.test(next)) {
                return true;
            }
            if (next.getCause() != null) {
                pending.add(next.getCause());
            }
            Collections.addAll(pending, next.getSuppressed());
        }
        return false;
    }
}
