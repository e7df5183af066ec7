package org.telehealth.signaling.visit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** That a visit is over outlives its room here: nothing read later opens it again. */
class VisitDirectoryTest {

    private static final UUID VISIT = UUID.randomUUID();
    private static final UUID PATIENT = UUID.randomUUID();
    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    private final VisitDirectory directory = new VisitDirectory();

    @Test
    void shouldKeepAVisitOverThroughALaterBookingChangeOrCancellation() {
        directory.scheduled(VISIT, "doc", PATIENT, START, START.plusSeconds(1800), 2, null);

        directory.ended(VISIT);
        directory.scheduled(VISIT, "doc", PATIENT, START, START.plusSeconds(3600), 3, null);
        directory.cancelled(VISIT, "doc", PATIENT, 3);

        assertThat(directory.find(VISIT)).contains(new Visit(VISIT, "doc", PATIENT, 3, true, true, START,
                START.plusSeconds(3600)));
    }

    @Test
    void shouldKeepAVisitThatEndedBeforeItsAppointmentWasReadAsOverOnceItIs() {
        directory.ended(VISIT);
        assertThat(directory.find(VISIT)).map(Visit::ended).contains(true);

        directory.scheduled(VISIT, "doc", PATIENT, START, START.plusSeconds(1800), 0, null);

        assertThat(directory.find(VISIT)).contains(new Visit(VISIT, "doc", PATIENT, 0, false, true, START,
                START.plusSeconds(1800)));
    }
}
