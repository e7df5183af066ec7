package org.telehealth.scheduling.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A body that is not JSON, or JSON of the wrong shape (a date that is not a date, text where a
 * number belongs): 400 problem+json naming the field when Jackson knows it, without Jackson's own
 * message, which quotes Java class names. One mapper per Jackson exception the REST layer has its
 * own default for, so that ours is the closer match.
 */
public final class UnreadableBodyMapper {

    private UnreadableBodyMapper() {
    }

    static Response problem(JsonMappingException e) {
        if (!e.getPath().isEmpty()) {
            String field = e.getPath().stream()
                    .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            String message = "has the wrong type or format";
            return Problem.response(400, "Invalid request", field + ": " + message,
                    List.of(new ProblemException.FieldError(field, message)));
        }
        return notJson();
    }

    static Response notJson() {
        return Problem.response(400, "Invalid request", "the body is not valid JSON", List.of());
    }

    /** JSON that does not fit the request's shape. */
    @Provider
    public static class MismatchedInput implements ExceptionMapper<MismatchedInputException> {
        @Override
        public Response toResponse(MismatchedInputException e) {
            return problem(e);
        }
    }

    /** Other mapping failures (e.g. a value a constructor refuses). */
    @Provider
    public static class Mapping implements ExceptionMapper<JsonMappingException> {
        @Override
        public Response toResponse(JsonMappingException e) {
            return problem(e);
        }
    }

    /** Not JSON at all. */
    @Provider
    public static class Unparsable implements ExceptionMapper<JsonParseException> {
        @Override
        public Response toResponse(JsonParseException e) {
            return notJson();
        }
    }
}
