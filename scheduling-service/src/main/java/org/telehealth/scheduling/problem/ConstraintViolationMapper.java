package org.telehealth.scheduling.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;

/**
 * Bean Validation failures of a request as 400 problem+json, each naming the field the client sent
 * ({@code startsAt}, {@code weekly[2].end}), not the Java method and parameter it landed in.
 */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException e) {
        List<ProblemException.FieldError> errors = e.getConstraintViolations().stream()
                .map(violation -> new ProblemException.FieldError(fieldOf(violation), violation.getMessage()))
                .sorted(Comparator.comparing(ProblemException.FieldError::field))
                .toList();
        String detail = errors.stream().map(error -> error.field() + ": " + error.message())
                .reduce((a, b) -> a + "; " + b).orElse("the request is invalid");
        return Problem.response(400, "Invalid request", detail, errors);
    }

    /** The property path without the method and parameter nodes that Jakarta REST validation adds. */
    static String fieldOf(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> {
                }
                case PARAMETER -> field.setLength(0);
                default -> {
                    if (node.getIndex() != null && field.length() > 0) {
                        field.append('[').append(node.getIndex()).append(']');
                    }
                    if (node.getName() != null) {
                        if (field.length() > 0) {
                            field.append('.');
                        }
                        field.append(node.getName());
                    }
                }
            }
        }
        return field.length() == 0 ? "body" : field.toString();
    }
}
