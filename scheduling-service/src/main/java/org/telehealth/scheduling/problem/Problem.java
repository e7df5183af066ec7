package org.telehealth.scheduling.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * The body of every error answer: RFC 9457 problem details, plus {@code errors} naming the fields
 * of the request that are wrong. Never a stack trace, never a database message.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<ProblemException.FieldError> errors) {

    public static final MediaType MEDIA_TYPE = MediaType.valueOf("application/problem+json");

    public static Response response(int status, String title, String detail, List<ProblemException.FieldError> errors) {
        return Response.status(status).type(MEDIA_TYPE)
                .entity(new Problem("about:blank", title, status, detail, errors)).build();
    }
}
