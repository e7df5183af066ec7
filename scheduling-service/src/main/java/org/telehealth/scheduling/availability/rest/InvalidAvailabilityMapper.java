package org.telehealth.scheduling.availability.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import org.telehealth.scheduling.availability.InvalidAvailabilityException;
import org.telehealth.scheduling.problem.Problem;
import org.telehealth.scheduling.problem.ProblemException;

/** A schedule or exception that breaks a rule, as 400 problem+json naming the field. */
@Provider
public class InvalidAvailabilityMapper implements ExceptionMapper<InvalidAvailabilityException> {

    @Override
    public Response toResponse(InvalidAvailabilityException e) {
        String message = e.getMessage().startsWith(e.field() + " ") ? e.getMessage().substring(e.field().length() + 1) : e.getMessage();
        return Problem.response(e.status(), "Invalid request", e.field() + ": " + message,
                List.of(new ProblemException.FieldError(e.field(), message)));
    }
}
