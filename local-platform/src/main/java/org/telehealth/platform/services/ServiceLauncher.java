package org.telehealth.platform.services;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.telehealth.infra.postgres.PostgresEndpoint;
import org.telehealth.platform.PlatformException;
import org.telehealth.platform.process.ChildProcess;

/**
 * Starts a packaged service ({@code target/quarkus-app/quarkus-run.jar}) in its own JVM, configured
 * through system properties to use the local PostgreSQL, Kafka and Keycloak.
 */
public final class ServiceLauncher {

    private final Path repository;
    private final Path logs;
    private final String kafkaBootstrap;
    private final String oidcServerUrl;
    private final PostgresEndpoint postgres;

    public ServiceLauncher(Path repository, Path logs, String kafkaBootstrap, String oidcServerUrl, PostgresEndpoint postgres) {
        this.repository = repository;
        this.logs = logs;
        this.kafkaBootstrap = kafkaBootstrap;
        this.oidcServerUrl = oidcServerUrl;
        this.postgres = postgres;
    }

    public ChildProcess start(PlatformService service) {
        Path jar = repository.resolve(service.module()).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new PlatformException(service.name() + " is not built (no " + repository.relativize(jar)
                    + "); run ./mvnw -DskipTests package");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms64m", "-Xmx256m", "-XX:+UseSerialGC",
                "-Dquarkus.http.port=" + service.port(),
                "-Dkafka.bootstrap.servers=" + kafkaBootstrap,
                "-Dquarkus.oidc.auth-server-url=" + oidcServerUrl));
        service.database().ifPresent(db -> command.addAll(List.of(
                "-Dquarkus.datasource.username=" + db,
                "-Dquarkus.datasource.jdbc.url=" + postgres.jdbcUrl(db),
                "-Dquarkus.datasource.reactive.url=" + postgres.reactiveUrl(db))));
        service.settings().forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(jar.toString());
        // The password goes through the environment, not the command line that every user can list.
        Map<String, String> env = service.database().isPresent()
                ? Map.of("QUARKUS_DATASOURCE_PASSWORD", service.databasePassword())
                : Map.of();
        return ChildProcess.start(service.name(), command, env, repository.resolve(service.module()),
                logs.resolve(service.name() + ".log"), Duration.ofSeconds(25));
    }
}
