package org.telehealth.scheduling;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Calls to the API written the way they read in a table of cases: {@code "METHOD path [json body]"}. */
public final class ApiCalls {

    private ApiCalls() {
    }

    /** Performs {@code call} as the holder of {@code token} (anonymous when null). */
    public static Response perform(String token, String call) {
        String[] parts = call.split(" ", 3);
        RequestSpecification request = given();
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        if (parts.length == 3) {
            request = request.contentType(ContentType.JSON).body(parts[2]);
        }
        return request.request(parts[0], parts[1]);
    }
}
