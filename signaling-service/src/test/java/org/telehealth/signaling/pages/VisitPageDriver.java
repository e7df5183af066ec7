package org.telehealth.signaling.pages;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.telehealth.infra.testing.ChromiumBrowser;

/** A visit page in a real Chromium, driven as a person would: by the ids and texts on the page. */
final class VisitPageDriver implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(20);

    private final ChromiumBrowser browser;
    private final String name;

    private VisitPageDriver(ChromiumBrowser browser, String name) {
        this.browser = browser;
        this.name = name;
    }

    static VisitPageDriver start(String name) throws IOException, InterruptedException {
        return new VisitPageDriver(ChromiumBrowser.start(), name);
    }

    void open(String url) throws IOException, InterruptedException {
        browser.open(url);
    }

    String currentUrl() throws IOException, InterruptedException {
        return browser.currentUrl();
    }

    /** Waits until the view (loading, notice, check, waiting, call) shows. */
    void awaitView(String view) throws IOException, InterruptedException {
        browser.waitFor(WAIT, "const v = document.getElementById('view-' + arguments[0]); return v && !v.hidden;", view);
    }

    /** The notice's title, once the notice shows. */
    String awaitNotice() throws IOException, InterruptedException {
        awaitView("notice");
        return text("#notice-title");
    }

    String text(String selector) throws IOException, InterruptedException {
        return browser.execute("const e = document.querySelector(arguments[0]); return e ? e.textContent.trim() : null;", selector).asText();
    }

    boolean visible(String selector) throws IOException, InterruptedException {
        return browser.execute("const e = document.querySelector(arguments[0]); return !!e && !e.hidden && e.getClientRects().length > 0;",
                selector).asBoolean();
    }

    void click(String selector) throws IOException, InterruptedException {
        browser.waitFor(WAIT, "const e = document.querySelector(arguments[0]); return !!e && !e.disabled && e.getClientRects().length > 0;",
                selector);
        browser.click(selector);
    }

    void type(String selector, String text) throws IOException, InterruptedException {
        browser.type(selector, text);
    }

    /** The device check: turns camera and microphone on and waits for the camera picture. */
    void checkDevices() throws IOException, InterruptedException {
        awaitView("check");
        click("#start-check");
        browser.waitFor(WAIT, "return document.getElementById('check-preview').videoWidth > 0;");
    }

    /** The microphone meter's values, read every 100 ms for two seconds. */
    List<Double> micLevels() throws IOException, InterruptedException {
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
    JsonNode state() throws IOException, InterruptedException {
        return browser.execute("return window.telehealthVisit ? window.telehealthVisit.state : null;");
    }

    /** The raw JSON text of the test hook state, to check what it must never show. */
    String stateText() throws IOException, InterruptedException {
        return browser.execute("return JSON.stringify(window.telehealthVisit.state);").asText();
    }

    JsonNode await(String script, Object... args) throws IOException, InterruptedException {
        return browser.waitFor(WAIT, script, args);
    }

    JsonNode execute(String script, Object... args) throws IOException, InterruptedException {
        return browser.execute(script, args);
    }

    /** The labels of the call's tiles, in order. */
    List<String> tileLabels() throws IOException, InterruptedException {
        List<String> labels = new ArrayList<>();
        browser.execute("return [...document.querySelectorAll('#tiles .tile-name')].map(e => e.textContent);")
                .forEach(label -> labels.add(label.asText()));
        return labels;
    }

    /** Keeps a screenshot beside the surefire reports, for a failed test. */
    void screenshot(String test) {
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
