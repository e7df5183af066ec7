package org.telehealth.scheduling.availability;

/**
 * Availability input that cannot be right: a bad time zone, overlapping weekly rules, a date range
 * too long to compute. It names the offending field (as a client wrote it, e.g. {@code weekly[2].end})
 * so that the edge can answer 400 with a message the client can act on, never a stack trace.
 */
public class InvalidAvailabilityException extends IllegalArgumentException {

    private static final int BAD_REQUEST = 400;

    private final String field;
    private final String problem;

    public InvalidAvailabilityException(String field, String problem) {
        super(field + " " + problem);
        this.field = field;
        this.problem = problem;
    }

    /** Path of the offending field, e.g. {@code end} or {@code weekly[2].end}. */
    public String field() {
        return field;
    }

    /** HTTP status of this error at the edge. */
    public int status() {
        return BAD_REQUEST;
    }

    /**
     * The same problem seen from the object that holds the field: a rule's {@code end} becomes
     * {@code weekly[2].end} when the mapper of a request body knows which rule it was building.
     */
    public InvalidAvailabilityException within(String parent) {
        return new InvalidAvailabilityException(parent + "." + field, problem);
    }
}
