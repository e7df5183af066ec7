package org.telehealth.recording.testsupport;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Calls to the API written the way they read in a table of cases: {@code "METHOD path"}. */
public final class ApiCalls {

    private ApiCalls() {
    }

    /** Performs {@code call} as the holder of {@code token} (anonymous when null). */
    public static Response perform(String token, String call) {
        String[] parts = call.split(" ", 2);
        RequestSpecification request = given();
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        return request.request(parts[0], parts[1]);
    }
}
