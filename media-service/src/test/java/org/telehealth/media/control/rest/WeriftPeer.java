package org.telehealth.media.control.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The werift participant of {@link WeriftInteropTest}: the Node project in {@code src/test/werift}
 * (werift pinned by its package-lock), installed once into {@code target/werift-peer} with
 * {@code npm ci} (needs the npm registry the first time), and its script run as a child process
 * whose JSON stdout lines are read here.
 */
final class WeriftPeer implements AutoCloseable {

    private static final Path SOURCE = Path.of("src/test/werift");
    private static final Path INSTALLED = Path.of("target/werift-peer");
    private static final List<String> FILES = List.of("package.json", "package-lock.json", "sfu-peer.mjs", "test-pattern.ivf");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final BlockingQueue<JsonNode> lines = new LinkedBlockingQueue<>();
    private final StringBuilder output = new StringBuilder();

    private WeriftPeer(Process process) {
        this.process = process;
        Thread reader = new Thread(this::readLines, "werift-peer-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /** True when a {@code node} runs here. */
    static boolean nodeAvailable() {
        try {
            return new ProcessBuilder("node", "--version").redirectErrorStream(true).start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /**
     * Starts the peer as participant {@code participant} of {@code room}, sending VP8 and Opus with
     * the payload types the other peer negotiated (the SFU forwards them unchanged), and receiving
     * for {@code receiveSeconds} after it renegotiated.
     */
    static WeriftPeer start(String controlUrl, String room, String participant, String token, int vp8PayloadType,
            int opusPayloadType, int receiveSeconds) throws IOException, InterruptedException {
        install();
        ProcessBuilder builder = new ProcessBuilder("node", "sfu-peer.mjs", controlUrl, room, participant,
                Integer.toString(receiveSeconds))
                .directory(INSTALLED.toFile())
                .redirectError(INSTALLED.resolve("sfu-peer.stderr.log").toFile());
        builder.environment().put("SFU_TOKEN", token);
        builder.environment().put("VP8_PT", Integer.toString(vp8PayloadType));
        builder.environment().put("OPUS_PT", Integer.toString(opusPayloadType));
        return new WeriftPeer(builder.start());
    }

    /** The next stdout line that is a JSON object with {@code "event": event}; fails after {@code timeout}. */
    JsonNode awaitEvent(String event, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new AssertionError("werift peer sent no " + event + " within " + timeout + ": " + output());
            }
            if (line.path("event").asText().equals(event)) {
                return line;
            }
            if (line.has("error")) {
                throw new AssertionError("werift peer failed: " + line);
            }
        }
    }

    /** The result line the peer prints as it exits (the one JSON object without {@code event}). */
    JsonNode awaitResult(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new AssertionError("werift peer printed no result within " + timeout + ": " + output());
            }
            if (!line.has("event")) {
                return line;
            }
        }
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private String output() {
        synchronized (output) {
            return output.toString();
        }
    }

    private void readLines() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                synchronized (output) {
                    output.append(line).append('\n');
                }
                if (line.startsWith("{")) {
                    lines.add(JSON.readTree(line));
                }
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }

    /** Copies the project to target and runs {@code npm ci} unless the same lock file is installed there already. */
    private static synchronized void install() throws IOException, InterruptedException {
        Files.createDirectories(INSTALLED);
        byte[] lock = Files.readAllBytes(SOURCE.resolve("package-lock.json"));
        Path installedLock = INSTALLED.resolve("node_modules/.werift-peer-lock.json");
        boolean current = Files.exists(installedLock) && Arrays.equals(lock, Files.readAllBytes(installedLock));
        for (String file : FILES) {
            Files.copy(SOURCE.resolve(file), INSTALLED.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        if (current) {
            return;
        }
        Path log = INSTALLED.resolve("npm-ci.log");
        Process npm;
        try {
            npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(INSTALLED.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new AssertionError("node is installed but npm is not: cannot install werift (" + e.getMessage() + ")", e);
        }
        if (!npm.waitFor(5, TimeUnit.MINUTES)) {
            npm.destroyForcibly();
            throw new AssertionError("npm ci of the werift peer took over 5 minutes; see " + log.toAbsolutePath());
        }
        if (npm.exitValue() != 0) {
            throw new AssertionError("npm ci of the werift peer failed (it needs the npm registry once), exit "
                    + npm.exitValue() + ":\n" + Files.readString(log));
        }
        Files.write(installedLock, lock);
    }
}
