package org.telehealth.scheduling.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * The REST layer's own refusals (unknown path, wrong method or media type, a body it could not
 * read) in the same problem+json shape as the service's, so that a client parses one error format.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type != null ? type.getReasonPhrase() : "Error";
        String detail = e.getCause() instanceof JsonProcessingException ? "the body is not valid JSON"
                : status == 404 ? "no such resource" : title.toLowerCase();
        return Problem.response(status, status == 400 ? "Invalid request" : title, detail, List.of());
    }
}
