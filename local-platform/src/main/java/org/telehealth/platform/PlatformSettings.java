package org.telehealth.platform;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.telehealth.infra.postgres.PostgresEndpoint;

/**
 * Everything {@code ./telehealth up} can be told, read once from the environment:
 *
 * <ul>
 *   <li>{@code TELEHEALTH_DATA}: folder for all data and logs (default {@code .data} in the repo);
 *   <li>{@code TELEHEALTH_PORT_OFFSET}: added to every default port (default 0);
 *   <li>{@code TELEHEALTH_SIGNALING_INSTANCES}: 1 (default) or 2, a second signaling-service
 *       instance on its own port sharing the visits of the first through Kafka, to try a visit
 *       with its participants on two instances;
 *   <li>{@code TELEHEALTH_POSTGRES_HOST}, {@code _PORT}, {@code _USER}, {@code _PASSWORD}: an external
 *       PostgreSQL to use instead of the embedded one (the user must be allowed to create roles and
 *       databases).
 * </ul>
 */
public record PlatformSettings(Path repository, Path dataDirectory, Ports ports, Optional<PostgresEndpoint> externalPostgres,
        int signalingInstances) {

    public static PlatformSettings fromEnvironment(Path repository, Map<String, String> env) {
        Path data = Optional.ofNullable(env.get("TELEHEALTH_DATA")).filter(s -> !s.isBlank()).map(Path::of)
                .orElse(repository.resolve(".data")).toAbsolutePath().normalize();
        Ports ports = Ports.withOffset(integer(env, "TELEHEALTH_PORT_OFFSET", 0));
        Optional<PostgresEndpoint> external = Optional.ofNullable(env.get("TELEHEALTH_POSTGRES_HOST"))
                .filter(s -> !s.isBlank())
                .map(host -> new PostgresEndpoint(host, integer(env, "TELEHEALTH_POSTGRES_PORT", 5432),
                        env.getOrDefault("TELEHEALTH_POSTGRES_USER", "postgres"),
                        env.getOrDefault("TELEHEALTH_POSTGRES_PASSWORD", "")));
        int signalingInstances = integer(env, "TELEHEALTH_SIGNALING_INSTANCES", 1);
        if (signalingInstances < 1 || signalingInstances > 2) {
            throw new PlatformException("TELEHEALTH_SIGNALING_INSTANCES must be 1 or 2, was " + signalingInstances);
        }
        return new PlatformSettings(repository.toAbsolutePath().normalize(), data, ports, external, signalingInstances);
    }

    public Path logs() {
        return dataDirectory.resolve("logs");
    }

    private static int integer(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new PlatformException(name + " must be a number, was '" + value + "'");
        }
    }
}
