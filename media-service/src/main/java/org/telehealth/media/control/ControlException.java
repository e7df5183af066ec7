package org.telehealth.media.control;

/**
 * A control request that cannot be carried out, with the HTTP status it maps to: unknown room or
 * participant (404), a recording target outside the allowed networks (403), a full room or a room
 * recorded elsewhere (409), an unacceptable SDP offer (400), a full instance (503).
 */
public final class ControlException extends RuntimeException {

    private final int status;
    private final String title;

    private ControlException(int status, String title, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
    }

    public static ControlException badRequest(String detail) {
        return new ControlException(400, "Bad request", detail);
    }

    public static ControlException forbidden(String detail) {
        return new ControlException(403, "Forbidden", detail);
    }

    public static ControlException notFound(String detail) {
        return new ControlException(404, "Not found", detail);
    }

    public static ControlException conflict(String detail) {
        return new ControlException(409, "Conflict", detail);
    }

    public static ControlException unavailable(String detail) {
        return new ControlException(503, "Unavailable", detail);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}
