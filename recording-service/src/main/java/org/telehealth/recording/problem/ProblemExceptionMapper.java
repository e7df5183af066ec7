package org.telehealth.recording.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Turns a {@link ProblemException} into its problem+json answer. */
@Provider
public class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {

    @Override
    public Response toResponse(ProblemException e) {
        Response.ResponseBuilder response = Response.fromResponse(Problem.response(e.status(), e.title(), e.getMessage()));
        e.headers().forEach(response::header);
        return response.build();
    }
}
