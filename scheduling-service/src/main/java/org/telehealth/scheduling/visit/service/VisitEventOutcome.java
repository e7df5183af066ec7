package org.telehealth.scheduling.visit.service;

/** What handling one visit event did; the listener logs and counts by it. */
public enum VisitEventOutcome {
    /** The appointment moved to a new status. */
    APPLIED,
    /** A known visit, but the event changes nothing (a doctor joined, the visit already ended...). */
    UNCHANGED,
    /** An event with this id was handled before: a redelivery. */
    DUPLICATE,
    /** No appointment has the visit's id (another environment's visit, or one long deleted). */
    UNKNOWN_VISIT
}
