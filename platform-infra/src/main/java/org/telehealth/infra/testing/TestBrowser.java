package org.telehealth.infra.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;

/**
 * One page of a real browser that a test drives, whichever browser it is ({@link ChromiumBrowser},
 * {@link FirefoxBrowser}): the few things a test does with a page, so that one test can run the same
 * steps in each browser and check that they interoperate.
 */
public interface TestBrowser extends AutoCloseable {

    /** Which browser this is, for messages: "chromium", "firefox". */
    String name();

    /** Loads {@code url} and returns once the page has loaded. */
    void open(String url) throws IOException, InterruptedException;

    /** The address of the page now shown (after redirects). */
    String currentUrl() throws IOException, InterruptedException;

    /**
     * Runs {@code script}, the body of a function ({@code arguments} holds {@code args}, which must
     * be JSON values), waits for the promise it returns if it returns one, and gives its result as
     * JSON. Fails with an {@link IOException} carrying the page's error if the script throws or its
     * promise is rejected.
     */
    JsonNode execute(String script, Object... args) throws IOException, InterruptedException;

    /**
     * Runs {@code script} (as {@link #execute}) every 200 ms until it returns something truthy (not
     * null, false, 0 or ""), and returns that; fails after {@code timeout} with the script in the message.
     */
    default JsonNode waitFor(Duration timeout, String script, Object... args) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode value = execute(script, args);
            if (truthy(value)) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name() + ": not true within " + timeout + " (page " + currentUrl() + "): " + script);
            }
            Thread.sleep(200);
        }
    }

    /** Ends the browser and everything it started, and deletes its profile; never fails. */
    @Override
    void close();

    /** JavaScript's truthiness of a JSON result (objects and arrays, even empty, are truthy). */
    static boolean truthy(JsonNode value) {
        return !(value == null || value.isNull() || value.isMissingNode()
                || (value.isBoolean() && !value.asBoolean()) || (value.isNumber() && value.asDouble() == 0)
                || (value.isTextual() && value.asText().isEmpty()));
    }
}
