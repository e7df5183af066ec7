package org.telehealth.infra.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * Creates, if missing, a service's database and the role that owns it. Each service gets its own
 * database and role, as it would on a production cluster, so no service can read another's tables.
 */
public final class DatabaseProvisioner {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final PostgresEndpoint endpoint;

    public DatabaseProvisioner(PostgresEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** Ensures role {@code owner} (with {@code password}) and database {@code name} owned by it exist. */
    public void ensureDatabase(String name, String owner, String password) {
        requireIdentifier(name);
        requireIdentifier(owner);
        try (Connection admin = DriverManager.getConnection(endpoint.jdbcUrl("postgres"), endpoint.adminUser(),
                endpoint.adminPassword())) {
            if (!exists(admin, "select 1 from pg_roles where rolname = ?", owner)) {
                try (Statement create = admin.createStatement()) {
                    create.execute("create role " + owner + " login password '" + password.replace("'", "''") + "'");
                }
            }
            if (!exists(admin, "select 1 from pg_database where datname = ?", name)) {
                try (Statement create = admin.createStatement()) {
                    create.execute("create database " + name + " owner " + owner);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + " on " + endpoint.host() + ":"
                    + endpoint.port() + ": " + e.getMessage(), e);
        }
    }

    private static boolean exists(Connection connection, String query, String value) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, value);
            return statement.executeQuery().next();
        }
    }

    private static void requireIdentifier(String name) {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain lower-case SQL identifier: " + name);
        }
    }
}
