package org.telehealth.infra.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A visit page (signaling-service's patient or doctor page) in a real browser (Chromium unless a test
 * hands it another {@link TestBrowser}, such as {@link FirefoxBrowser}), driven as a person would: by
 * the ids and texts on the page. Shared by signaling's page tests and the platform's journey test, so
 * both drive the same page the same way, in whichever browser.
 */
public final class VisitPageDriver implements AutoCloseable {

    public static final Duration WAIT = Duration.ofSeconds(20);

    private final TestBrowser browser;
    private final String name;

    private VisitPageDriver(TestBrowser browser, String name) {
        this.browser = browser;
        this.name = name;
    }

    public static VisitPageDriver start(String name) throws IOException, InterruptedException {
        return new VisitPageDriver(ChromiumBrowser.start(), name);
    }

    /**
     * Drives a browser that is already open (signed in elsewhere first, say, or a Firefox); closing
     * this closes it.
     */
    public static VisitPageDriver in(TestBrowser browser, String name) {
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
        if (browser instanceof ChromiumBrowser chromium) {
            chromium.click(selector);
        } else {
            // what a click on a button does: its click event, and a submit button's form submission
            browser.execute("document.querySelector(arguments[0]).click();", selector);
        }
    }

    public void type(String selector, String text) throws IOException, InterruptedException {
        if (browser instanceof ChromiumBrowser chromium) {
            chromium.type(selector, text);
        } else {
            // what typing leaves behind: the focused field holds the text and has fired its input event
            browser.execute("""
                    const field = document.querySelector(arguments[0]);
                    field.focus();
                    field.value += arguments[1];
                    field.dispatchEvent(new InputEvent('input', { bubbles: true, data: arguments[1], inputType: 'insertText' }));""",
                    selector, text);
        }
    }

    /** The device check: turns camera and microphone on and waits for the camera picture. */
    public void checkDevices() throws IOException, InterruptedException {
        awaitView("check");
        click("#start-check");
        browser.waitFor(WAIT, "return document.getElementById('check-preview').videoWidth > 0;");
    }

    /** The microphone meter's values, read every 100 ms for two seconds. */
    public List<Double> micLevels() throws IOException, InterruptedException {
        JsonNode values = browser.execute("""
                const meter = document.getElementById('mic-level');
                const values = [];
                return new Promise(done => {
                  const timer = setInterval(() => {
                    values.push(meter.value);
                    if (values.length === 20) { clearInterval(timer); done(values); }
                  }, 100);
                });""");
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

    /** Keeps a screenshot beside the surefire reports, for a failed test (Chromium's only: other browsers keep none). */
    public void screenshot(String test) {
        if (!(browser instanceof ChromiumBrowser chromium)) {
            return;
        }
        try {
            Path folder = Files.createDirectories(Path.of("target", "visit-page-screenshots"));
            Files.write(folder.resolve(test + "-" + name + ".png"), chromium.screenshot());
        } catch (IOException | InterruptedException | RuntimeException ignored) {
            // a missing screenshot must not hide the failure itself
        }
    }

    @Override
    public void close() {
        browser.close();
    }
}
