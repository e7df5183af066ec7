package org.telehealth.infra.postgres;

/**
 * Where a PostgreSQL server listens and which administrative account may create the platform's
 * databases on it: the embedded server, or an external one a developer points the platform at.
 */
public record PostgresEndpoint(String host, int port, String adminUser, String adminPassword) {

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** The URL form the Vert.x reactive client (Hibernate Reactive) expects. */
    public String reactiveUrl(String database) {
        return "postgresql://" + host + ":" + port + "/" + database;
    }
}
