package org.telehealth.signaling.benchmark;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.telehealth.infra.testing.GcPauses;
import org.telehealth.infra.testing.ProcessCpuTime;

/**
 * A packaged Quarkus service ({@code target/quarkus-app/quarkus-run.jar}) in a JVM of its own, as it
 * is deployed, so that its CPU time, heap and GC pauses are its own and not the load generator's:
 * HTTP on 127.0.0.1 at a free port, its settings as system properties, its output and GC log under
 * the benchmark's work directory. Stopped when closed or when the benchmark's JVM exits.
 */
final class ServiceJvm implements AutoCloseable {

    /** What {@code ./telehealth up} gives every service (local-platform's ServiceLauncher). */
    static final List<String> PLATFORM_JVM_OPTIONS = List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC");

    private final String name;
    private final Process process;
    private final URI baseUrl;
    private final Path log;
    private final Path gcLog;

    private ServiceJvm(String name, Process process, URI baseUrl, Path log, Path gcLog) {
        this.name = name;
        this.process = process;
        this.baseUrl = baseUrl;
        this.log = log;
        this.gcLog = gcLog;
    }

    /** Starts {@code app} with HTTP on {@code port} and waits (up to 2 minutes) until its readiness check answers 200. */
    static ServiceJvm start(String name, Path app, int port, List<String> jvmOptions, Map<String, String> settings,
            Path workDirectory) throws IOException, InterruptedException {
        if (!Files.isRegularFile(app)) {
            throw new IOException(name + " is not packaged (no " + app.toAbsolutePath()
                    + "); run the benchmark through its Maven profile, which packages it first");
        }
        Files.createDirectories(workDirectory);
        Path log = workDirectory.resolve(name + ".log");
        Path gcLog = workDirectory.resolve(name + "-gc.log");
        Files.deleteIfExists(gcLog);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                GcPauses.logOption(gcLog)));
        command.addAll(jvmOptions);
        command.add("-Dquarkus.http.host=127.0.0.1");
        command.add("-Dquarkus.http.port=" + port);
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", app.toAbsolutePath().toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ServiceJvm service = new ServiceJvm(name, process, URI.create("http://127.0.0.1:" + port), log, gcLog);
        Runtime.getRuntime().addShutdownHook(new Thread(service::close, "stop-" + name));
        service.awaitReady();
        return service;
    }

    URI baseUrl() {
        return baseUrl;
    }

    long pid() {
        return process.pid();
    }

    /** User plus system CPU time of the whole process so far (Linux). */
    double cpuSeconds() {
        return ProcessCpuTime.seconds(process.pid());
    }

    GcPauses gcPausesBetween(Instant from, Instant to) {
        return GcPauses.between(gcLog, from, to);
    }

    Path log() {
        return log;
    }

    void requireAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
        }
    }

    private void awaitReady() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(baseUrl.resolve("/q/health/ready")).timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            requireAlive();
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (ConnectException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IOException(name + " was not ready within 2 minutes; see " + log);
    }

    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
