package org.telehealth.scheduling.testsupport;

import static io.restassured.RestAssured.given;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one counter from the service's Prometheus endpoint, as the people running it would. */
public final class Metrics {

    private Metrics() {
    }

    /** The value of {@code name} with label {@code label="value"}, 0 when it was never counted. */
    public static double counter(String name, String label, String value) {
        String body = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{[^}]*" + Pattern.quote(label + "=\"" + value + "\"")
                + "[^}]*} (\\S+)$").matcher(body);
        return line.find() ? Double.parseDouble(line.group(1)) : 0;
    }
}
