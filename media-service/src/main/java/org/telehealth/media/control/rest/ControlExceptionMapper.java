package org.telehealth.media.control.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import org.telehealth.media.control.ControlException;

/** Turns a {@link ControlException} into an RFC 9457 problem+json response. */
@Provider
public class ControlExceptionMapper implements ExceptionMapper<ControlException> {

    static final MediaType PROBLEM_JSON = MediaType.valueOf("application/problem+json");

    @Override
    public Response toResponse(ControlException e) {
        return Response.status(e.status()).type(PROBLEM_JSON)
                .entity(Map.of("type", "about:blank", "title", e.title(), "status", e.status(), "detail", e.getMessage()))
                .build();
    }
}
