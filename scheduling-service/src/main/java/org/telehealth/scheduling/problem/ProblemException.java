package org.telehealth.scheduling.problem;

import java.util.List;

/**
 * A request the service refuses, with the HTTP status and the words a client (or the person behind
 * it) needs. Thrown anywhere below the REST layer and turned into one RFC 9457 problem+json body
 * by {@link ProblemExceptionMapper}, so no layer formats errors itself.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<FieldError> fieldErrors;

    public ProblemException(int status, String title, String detail) {
        this(status, title, detail, List.of());
    }

    public ProblemException(int status, String title, String detail, List<FieldError> fieldErrors) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    /** 400 for one field of the request that is wrong. */
    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(400, "Invalid request", field + ": " + message, List.of(new FieldError(field, message)));
    }

    /** 404: unknown, or not the caller's to see; the two are never told apart. */
    public static ProblemException notFound(String what) {
        return new ProblemException(404, "Not found", what + " does not exist or is not yours");
    }

    /** 403: the caller's role may not do this at all. */
    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "Forbidden", detail);
    }

    /** 409: the request is valid but clashes with the current state. */
    public static ProblemException conflict(String title, String detail) {
        return new ProblemException(409, title, detail);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    /** One field of the request and what is wrong with it, as a client can show it next to the input. */
    public record FieldError(String field, String message) {
    }
}
