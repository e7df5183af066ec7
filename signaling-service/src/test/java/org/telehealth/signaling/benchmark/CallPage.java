package org.telehealth.signaling.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import org.telehealth.infra.testing.ChromiumBrowser;

/**
 * One participant's benchmark call page ({@code benchmark/page/call.js}) in its own headless
 * Chromium, with the fake camera and microphone: the Java side of {@code window.bench}.
 */
final class CallPage implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final ChromiumBrowser browser;

    private CallPage(ChromiumBrowser browser) {
        this.browser = browser;
    }

    /** Starts a Chromium and opens the page in it. */
    static CallPage open(String url) throws IOException, InterruptedException {
        ChromiumBrowser browser = ChromiumBrowser.start();
        try {
            browser.open(url);
            browser.waitFor(WAIT, "return !!window.bench;");
            return new CallPage(browser);
        } catch (IOException | RuntimeException e) {
            browser.close();
            throw e;
        }
    }

    /** Camera and microphone on; what the camera gives (width, height, frameRate). */
    JsonNode init() throws IOException, InterruptedException {
        return call("bench.init()");
    }

    JsonNode joinAsDoctor(String socketUrl, String token, boolean publish) throws IOException, InterruptedException {
        return call("bench.joinAsDoctor(arguments[0], arguments[1], arguments[2])", socketUrl, token, publish);
    }

    JsonNode publishing() throws IOException, InterruptedException {
        return call("bench.publishing()");
    }

    void listenForPeers(String relayUrl) throws IOException, InterruptedException {
        call("bench.listenForPeers(arguments[0])", relayUrl);
    }

    void awaitWaiting(String participantId) throws IOException, InterruptedException {
        browser.waitFor(WAIT, "return bench.waiting().includes(arguments[0]);", participantId);
    }

    /** Sends {@code admit}; returns the page's time of sending (epoch ms). */
    double admit(String participantId) throws IOException, InterruptedException {
        return browser.execute("return bench.admit(arguments[0]);", participantId).asDouble();
    }

    JsonNode senderReport() throws IOException, InterruptedException {
        return browser.execute("return bench.senderReport();");
    }

    JsonNode joinAsPatient(String socketUrl, String token, String mode, String relayUrl) throws IOException, InterruptedException {
        return call("bench.joinAsPatient(arguments[0], arguments[1], arguments[2], arguments[3])", socketUrl, token, mode, relayUrl);
    }

    /** The patient's timeline of the join under way, once its first remote frame shows (or after {@code timeout}). */
    JsonNode result(Duration timeout) throws IOException, InterruptedException {
        return call("bench.result(arguments[0])", timeout.toMillis());
    }

    void leave() throws IOException, InterruptedException {
        browser.execute("return bench.leave();");
    }

    void endPeer() throws IOException, InterruptedException {
        browser.execute("bench.endPeer(); return true;");
    }

    /** Runs a promise-returning expression of the page and returns its value; fails on a rejection. */
    private JsonNode call(String expression, Object... args) throws IOException, InterruptedException {
        JsonNode outcome = browser.executeAsync(WAIT, "const done = arguments[arguments.length - 1];"
                + " Promise.resolve().then(() => " + expression + ").then(value => done({value: value === undefined ? null : value}),"
                + " error => done({error: String(error && error.stack || error)}));", args);
        if (outcome.has("error")) {
            throw new IllegalStateException("the page failed: " + outcome.path("error").asText());
        }
        return outcome.path("value");
    }

    @Override
    public void close() {
        browser.close();
    }
}
