package org.telehealth.recording.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The REST layer's own refusals (unknown path, an id that is not a UUID, wrong method) in the same
 * problem+json shape, so that a client parses one error format.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type != null ? type.getReasonPhrase() : "Error";
        return Problem.response(status, title, status == 404 ? "no such resource" : title.toLowerCase());
    }
}
