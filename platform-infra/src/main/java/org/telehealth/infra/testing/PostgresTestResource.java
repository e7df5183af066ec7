package org.telehealth.infra.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import org.telehealth.infra.postgres.DatabaseProvisioner;
import org.telehealth.infra.postgres.PostgresEndpoint;

/**
 * Points a Quarkus test at a real PostgreSQL database (shared server, one database per service).
 * Init arg {@code database} names the database; it defaults to {@code test}.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private static final String USER = "telehealth";
    private static final String PASSWORD = "test-only";

    private String database = "test";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        PostgresEndpoint endpoint = SharedInfrastructure.postgres().endpoint();
        new DatabaseProvisioner(endpoint).ensureDatabase(database, USER, PASSWORD);
        return Map.of(
                "quarkus.datasource.username", USER,
                "quarkus.datasource.password", PASSWORD,
                "quarkus.datasource.jdbc.url", endpoint.jdbcUrl(database),
                "quarkus.datasource.reactive.url", endpoint.reactiveUrl(database));
    }

    @Override
    public void stop() {
        // shared by every test class of this JVM; stopped at JVM exit
    }
}
