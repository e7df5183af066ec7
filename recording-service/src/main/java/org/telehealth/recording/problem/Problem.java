package org.telehealth.recording.problem;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The body of every error answer: RFC 9457 problem details. Never a stack trace, never a database message. */
public record Problem(String type, String title, int status, String detail) {

    public static final MediaType MEDIA_TYPE = MediaType.valueOf("application/problem+json");

    public static Response response(int status, String title, String detail) {
        return Response.status(status).type(MEDIA_TYPE).entity(new Problem("about:blank", title, status, detail)).build();
    }
}
