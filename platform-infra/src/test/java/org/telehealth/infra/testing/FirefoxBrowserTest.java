package org.telehealth.infra.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real Firefox driven over WebDriver BiDi: pages load, scripts run with their arguments and give
 * JSON back (promises awaited, errors reported), and the profile's preferences do what the WebRTC
 * tests need (a fake camera and microphone with no prompt, a 127.0.0.1 ICE candidate). One browser
 * for the class; closing it is tested on a second one.
 */
class FirefoxBrowserTest {

    private static HttpServer server;
    private static String page;
    private static FirefoxBrowser firefox;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(FirefoxBrowser.available(), "firefox-esr is not installed (apt-get install firefox-esr; .ci/run does)");
        // served over http://127.0.0.1, a secure context (getUserMedia is refused to a data: page)
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] html = "<!doctype html><title>bidi</title><p id=greeting>hello</p>".getBytes(StandardCharsets.UTF_8);
        server.createContext("/page.html", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, html.length);
            exchange.getResponseBody().write(html);
            exchange.close();
        });
        server.start();
        page = "http://127.0.0.1:" + server.getAddress().getPort() + "/page.html";
        firefox = FirefoxBrowser.start();
        firefox.open(page);
    }

    @AfterAll
    static void close() {
        if (firefox != null) {
            firefox.close();
        }
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void shouldOpenAPageAndReadIt() throws Exception {
        assertThat(firefox.currentUrl()).isEqualTo(page);
        assertThat(firefox.execute("return document.getElementById('greeting').textContent + ' ' + document.title").asText())
                .isEqualTo("hello bidi");
    }

    @Test
    void shouldPassArgumentsAndReturnJson() throws Exception {
        JsonNode result = firefox.execute("return {sum: arguments[0] + arguments[1], text: arguments[2], list: arguments[3], none: arguments[4]}",
                2, 3, "a \"quoted\" é", List.of(1, "two"), null);
        assertThat(result.path("sum").asInt()).isEqualTo(5);
        assertThat(result.path("text").asText()).isEqualTo("a \"quoted\" é");
        assertThat(result.path("list").toString()).isEqualTo("[1,\"two\"]");
        assertThat(result.path("none").isNull()).isTrue();
        assertThat(firefox.execute("document.title = 'changed'").isNull()).as("undefined comes back as null").isTrue();
        firefox.execute("document.title = 'bidi'");
    }

    @Test
    void shouldAwaitAReturnedPromise() throws Exception {
        assertThat(firefox.execute("return new Promise(resolve => setTimeout(() => resolve(arguments[0] * 2), 300))", 21).asInt())
                .isEqualTo(42);
    }

    @Test
    void shouldReportAScriptsErrorOrRejection() {
        assertThatThrownBy(() -> firefox.execute("throw new Error('thrown on purpose')"))
                .isInstanceOf(IOException.class).hasMessageContaining("thrown on purpose");
        assertThatThrownBy(() -> firefox.execute("return Promise.reject(new TypeError('rejected on purpose'))"))
                .isInstanceOf(IOException.class).hasMessageContaining("rejected on purpose");
    }

    @Test
    void shouldWaitUntilAConditionHoldsAndFailWhenItNeverDoes() throws Exception {
        firefox.execute("window.ready = 0; setTimeout(() => window.ready = 'now', 500)");
        assertThat(firefox.waitFor(Duration.ofSeconds(5), "return window.ready").asText()).isEqualTo("now");
        assertThatThrownBy(() -> firefox.waitFor(Duration.ofMillis(600), "return window.never === true"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("firefox: not true within");
    }

    @Test
    void shouldGiveAFakeCameraAndMicrophoneWithoutAPrompt() throws Exception {
        JsonNode tracks = firefox.execute("return navigator.mediaDevices.getUserMedia({audio: true, video: true})"
                + ".then(stream => stream.getTracks().map(t => t.kind + ':' + t.readyState))");
        assertThat(tracks.toString()).contains("audio:live", "video:live");
    }

    @Test
    void shouldGatherALoopbackHostCandidateWithItsRealAddress() throws Exception {
        JsonNode candidates = firefox.execute("""
                const pc = new RTCPeerConnection();
                pc.addTransceiver('audio');
                const found = [];
                return new Promise(resolve => {
                  pc.onicecandidate = e => e.candidate ? found.push(e.candidate.candidate) : (pc.close(), resolve(found));
                  pc.createOffer().then(offer => pc.setLocalDescription(offer));
                });""");
        assertThat(candidates.toString()).contains(" 127.0.0.1 ").doesNotContain(".local");
    }

    @Test
    void shouldEndItsProcessesAndDeleteItsProfileWhenClosed() throws Exception {
        Set<ProcessHandle> before = ProcessHandle.current().children().collect(Collectors.toSet());
        FirefoxBrowser second = FirefoxBrowser.start();
        ProcessHandle main = ProcessHandle.current().children().filter(p -> !before.contains(p)).findFirst().orElseThrow();
        Path profile = Path.of(argumentAfter(main, "--profile"));
        List<ProcessHandle> all = new ArrayList<>(main.descendants().toList());
        all.add(main);
        assertThat(Files.isDirectory(profile)).isTrue();
        assertThat(all.size()).as("firefox runs content processes beside the main one").isGreaterThan(1);

        second.close();

        assertThat(all).allSatisfy(process -> assertThat(process.isAlive()).as(process.info().command().orElse("?")).isFalse());
        assertThat(profile).doesNotExist();
        assertThat(firefox.execute("return 1 + 1").asInt()).as("the other browser is untouched").isEqualTo(2);
    }

    @Test
    void shouldReportAPageThatCannotLoadAndGoOn() throws Exception {
        assertThatThrownBy(() -> firefox.open("http://127.0.0.1:" + FreePorts.next() + "/nothing-listens"))
                .isInstanceOf(IOException.class).hasMessageContaining("browsingContext.navigate failed");
        firefox.open(page);
        assertThat(firefox.execute("return document.title").asText()).isEqualTo("bidi");
    }

    private static String argumentAfter(ProcessHandle process, String name) {
        String[] arguments = process.info().arguments().orElseThrow();
        for (int i = 0; i < arguments.length - 1; i++) {
            if (arguments[i].equals(name)) {
                return arguments[i + 1];
            }
        }
        throw new IllegalStateException("no " + name + " in " + String.join(" ", arguments));
    }
}
