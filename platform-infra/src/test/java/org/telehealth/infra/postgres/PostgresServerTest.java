package org.telehealth.infra.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresServerTest {

    @TempDir
    Path dir;

    @Test
    void shouldKeepDataInItsDataDirectoryAcrossRestarts() throws Exception {
        Path data = dir.resolve("data");
        Path binaries = Path.of("target", "pg-binaries");
        try (PostgresServer server = PostgresServer.start(data, 0, binaries, dir.resolve("pg.log"))) {
            new DatabaseProvisioner(server.endpoint()).ensureDatabase("clinic", "clinic_owner", "secret");
            try (Connection c = DriverManager.getConnection(server.endpoint().jdbcUrl("clinic"), "clinic_owner", "secret");
                    Statement s = c.createStatement()) {
                s.execute("create table visit(id int primary key)");
                s.execute("insert into visit values (42)");
            }
        }

        try (PostgresServer again = PostgresServer.start(data, 0, binaries, dir.resolve("pg.log"));
                Connection c = DriverManager.getConnection(again.endpoint().jdbcUrl("clinic"), "clinic_owner", "secret");
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("select id from visit")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isEqualTo(42);
            // provisioning again is harmless
            new DatabaseProvisioner(again.endpoint()).ensureDatabase("clinic", "clinic_owner", "secret");
        }
    }

    @Test
    void shouldRefuseIdentifiersThatAreNotPlain() {
        var provisioner = new DatabaseProvisioner(new PostgresEndpoint("localhost", 1, "u", "p"));

        assertThatThrownBy(() -> provisioner.ensureDatabase("x; drop database postgres", "owner", "p"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
