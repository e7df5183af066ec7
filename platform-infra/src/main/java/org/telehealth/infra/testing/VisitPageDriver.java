package org.telehealth.infra.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A visit page (signaling-service's patient or doctor page) in a real Chromium, driven as a person
 * would: by the ids and texts on the page. Shared by signaling's page tests and the platform's
 * journey test, so both drive the same page the same way.
 */
public final class VisitPageDriver implements AutoCloseable {

    public static final Duration WAIT = Duration.ofSeconds(20);

    private final ChromiumBrowser browser;
    private final String name;

    private VisitPageDriver(ChromiumBrowser browser, String name) {
        this.browser = browser;
        this.name = name;
    }

    public static VisitPageDriver start(String name) throws IOException, InterruptedException {
        return new VisitPageDriver(ChromiumBrowser.start(), name);
    }

    /** Drives a browser that is already open (signed in elsewhere first, say); closing this closes it. */
    public static VisitPageDriver in(ChromiumBrowser browser, String name) {
        return new VisitPageDriver(browser, name);
    }

    public void open(String url) throws IOException, InterruptedException {
        browser.open(url);
    }

    public String currentUrl() throws IOException, InterruptedException {
        return browser.currentUrl();
    }

    /** Waits until the view (loading, notice, check, waiting, call) shows. */
    public void awaitView(String view) throws IOException, InterruptedException {
        browser.waitFor(WAIT, "const v = document.getElementById('view-' + arguments[0]); return v && !v.hidden;", view);
    }

    /** The notice's title, once the notice shows. */
    public String awaitNotice() throws IOException, InterruptedException {
        awaitView("notice");
        return text("#notice-title");
    }

    public String text(String selector) throws IOException, InterruptedException {
        return browser.execute("const e = document.querySelector(arguments[0]); return e ? e.textContent.trim() : null;", selector).asText();
    }

    public boolean visible(String selector) throws IOException, InterruptedException {
        return browser.execute("const e = document.querySelector(arguments[0]); return !!e && !e.hidden && e.getClientRects().length > 0;",
                selector).asBoolean();
    }

    public void click(String selector) throws IOException, InterruptedException {
        browser.waitFor(WAIT, "const e = document.querySelector(arguments[0]); return !!e && !e.disabled && e.getClientRects().length > 0;",
                selector);
        browser.click(selector);
    }

    public void type(String selector, String text) throws IOException, InterruptedException {
        browser.type(selector, text);
    }

    /** The device check: turns camera and microphone on and waits for the camera picture. */
    public void checkDevices() throws IOException, InterruptedException {
        awaitView("check");
        click("#start-check");
        browser.waitFor(WAIT, "return document.getElementById('check-preview').videoWidth > 0;");
    }

    /** The microphone meter's values, read every 100 ms for two seconds. */
    public List<Double> micLevels() throws IOException, InterruptedException {
        JsonNode values = browser.executeAsync(Duration.ofSeconds(10), """
                const done = arguments[arguments.length - 1];
                const meter = document.getElementById('mic-level');
                const values = [];
                const timer = setInterval(() => {
                  values.push(meter.value);
                  if (values.length === 20) { clearInterval(timer); done(values); }
                }, 100);""");
        List<Double> levels = new ArrayList<>();
        values.forEach(value -> levels.add(value.asDouble()));
        return levels;
    }

    /** The page's test hook state ({@code window.telehealthVisit.state}). */
    public JsonNode state() throws IOException, InterruptedException {
        return browser.execute("return window.telehealthVisit ? window.telehealthVisit.state : null;");
    }

    /** The raw JSON text of the test hook state, to check what it must never show. */
    public String stateText() throws IOException, InterruptedException {
        return browser.execute("return JSON.stringify(window.telehealthVisit.state);").asText();
    }

    public JsonNode await(String script, Object... args) throws IOException, InterruptedException {
        return browser.waitFor(WAIT, script, args);
    }

    public JsonNode execute(String script, Object... args) throws IOException, InterruptedException {
        return browser.execute(script, args);
    }

    /** The labels of the call's tiles, in order. */
    public List<String> tileLabels() throws IOException, InterruptedException {
        List<String> labels = new ArrayList<>();
        browser.execute("return [...document.querySelectorAll('#tiles .tile-name')].map(e => e.textContent);")
                .forEach(label -> labels.add(label.asText()));
        return labels;
    }

    /** Keeps a screenshot beside the surefire reports, for a failed test. */
    public void screenshot(String test) {
        try {
            Path folder = Files.createDirectories(Path.of("target", "visit-page-screenshots"));
            Files.write(folder.resolve(test + "-" + name + ".png"), browser.screenshot());
        } catch (IOException | InterruptedException | RuntimeException ignored) {
            // a missing screenshot must not hide the failure itself
        }
    }

    @Override
    public void close() {
        browser.close();
    }
}
