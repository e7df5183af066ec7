package org.telehealth.recording.problem;

import java.util.Map;

/**
 * A request the service refuses, with its HTTP status and the words a client needs; turned into
 * one problem+json body by {@link ProblemExceptionMapper}. {@code headers} carries what the status
 * calls for (a 416's {@code Content-Range}).
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final Map<String, String> headers;

    public ProblemException(int status, String title, String detail) {
        this(status, title, detail, Map.of());
    }

    public ProblemException(int status, String title, String detail, Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.headers = Map.copyOf(headers);
    }

    /** 404: unknown, or not the caller's to see; the two are never told apart. */
    public static ProblemException notFound(String what) {
        return new ProblemException(404, "Not found", what + " does not exist or is not yours");
    }

    /** 403: the caller's role may not do this at all, whatever the recording. */
    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "Forbidden", detail);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
