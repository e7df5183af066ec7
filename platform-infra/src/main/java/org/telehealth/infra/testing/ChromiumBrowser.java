package org.telehealth.infra.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A real headless Chromium driven over the W3C WebDriver protocol through Debian's chromedriver, for
 * browser tests (visit pages, WebRTC through the SFU). Started with the flags that work as root on
 * these machines, a fake camera and microphone, and loopback ICE candidates allowed.
 */
public final class ChromiumBrowser implements TestBrowser {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private static final List<String> FLAGS = List.of("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage", "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
            "--allow-loopback-in-peer-connection", "--autoplay-policy=no-user-gesture-required");

    private final Process driver;
    private final URI session;
    private final Path profile;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    private ChromiumBrowser(Process driver, URI session, Path profile) {
        this.driver = driver;
        this.session = session;
        this.profile = profile;
    }

    /** True when Debian's chromium and chromedriver are installed (.ci/run installs them). */
    public static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    public static ChromiumBrowser start() throws IOException, InterruptedException {
        int port = FreePorts.next();
        Path profile = Files.createTempDirectory("chromium-profile-");
        Process driver = new ProcessBuilder(CHROMEDRIVER.toString(), "--port=" + port)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        URI base = URI.create("http://127.0.0.1:" + port);
        HttpClient http = HttpClient.newHttpClient();
        ObjectMapper json = new ObjectMapper();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            try {
                http.send(HttpRequest.newBuilder(base.resolve("/status")).build(), HttpResponse.BodyHandlers.discarding());
                break;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) {
                    driver.destroyForcibly();
                    throw new IOException("chromedriver did not start");
                }
                Thread.sleep(100);
            }
        }
        List<String> args = new ArrayList<>(FLAGS);
        args.add("--user-data-dir=" + profile);
        Map<String, Object> capabilities = Map.of("capabilities", Map.of("alwaysMatch", Map.of(
                "browserName", "chrome",
                "goog:chromeOptions", Map.of("binary", CHROMIUM.toString(), "args", args))));
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(base.resolve("/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(capabilities))).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode value = json.readTree(created.body()).path("value");
        if (created.statusCode() != 200 || !value.has("sessionId")) {
            driver.destroyForcibly();
            throw new IOException("chromium did not start: " + created.body());
        }
        return new ChromiumBrowser(driver, base.resolve("/session/" + value.path("sessionId").asText() + "/"), profile);
    }

    @Override
    public String name() {
        return "chromium";
    }

    @Override
    public void open(String url) throws IOException, InterruptedException {
        command("url", Map.of("url", url));
    }

    /** Runs {@code script} (a function body; {@code arguments} available) and returns its JSON result. */
    @Override
    public JsonNode execute(String script, Object... args) throws IOException, InterruptedException {
        return command("execute/sync", Map.of("script", script, "args", Arrays.asList(args)));
    }

    /**
     * Runs an asynchronous script: its last argument is a callback to call with the result. Waits
     * up to {@code timeout}.
     */
    public JsonNode executeAsync(Duration timeout, String script, Object... args) throws IOException, InterruptedException {
        command("timeouts", Map.of("script", timeout.toMillis()));
        return command("execute/async", Map.of("script", script, "args", Arrays.asList(args)));
    }

    @Override
    public String currentUrl() throws IOException, InterruptedException {
        return get("url").asText();
    }

    /** Clicks the first element matching a CSS selector, as a user would (it must be visible and not covered). */
    public void click(String cssSelector) throws IOException, InterruptedException {
        command("element/" + element(cssSelector) + "/click", Map.of());
    }

    /** Types text into the first element matching a CSS selector, key by key. */
    public void type(String cssSelector, String text) throws IOException, InterruptedException {
        command("element/" + element(cssSelector) + "/value", Map.of("text", text));
    }

    /** Grants a permission to the pages (W3C Permissions extension), e.g. {@code clipboard-read}. */
    public void grantPermission(String name) throws IOException, InterruptedException {
        command("permissions", Map.of("descriptor", Map.of("name", name), "state", "granted"));
    }

    /** A PNG of the viewport, e.g. to keep beside a failed test's report. */
    public byte[] screenshot() throws IOException, InterruptedException {
        return Base64.getDecoder().decode(get("screenshot").asText());
    }

    @Override
    public void close() {
        try {
            http.send(HttpRequest.newBuilder(session).DELETE().build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException | InterruptedException ignored) {
            // the driver goes anyway
        }
        driver.descendants().forEach(ProcessHandle::destroyForcibly);
        driver.destroyForcibly();
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder
        }
    }

    /** The WebDriver id of the first element matching a CSS selector; fails when there is none. */
    private String element(String cssSelector) throws IOException, InterruptedException {
        JsonNode found = command("element", Map.of("using", "css selector", "value", cssSelector));
        return found.elements().next().asText();
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(session.resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode value = json.readTree(response.body()).path("value");
        if (response.statusCode() != 200) {
            throw new IOException("webdriver " + path + " failed: " + value.path("message").asText(response.body()));
        }
        return value;
    }

    private JsonNode command(String path, Map<String, Object> body) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(session.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode value = json.readTree(response.body()).path("value");
        if (response.statusCode() != 200) {
            throw new IOException("webdriver " + path + " failed: " + value.path("message").asText(response.body()));
        }
        return value;
    }
}
