package org.telehealth.platform.services;

import java.util.Map;
import java.util.Optional;

/**
 * One of the platform's Quarkus services as the launcher runs it: its module folder (where
 * {@code target/quarkus-app} is built), its HTTP port, its database if it has one, and settings of
 * its own (system properties) that the local platform chooses, such as the media UDP port.
 */
public record PlatformService(String name, String module, int port, Optional<String> database, Map<String, String> settings) {

    /** The short name used in the READY line, e.g. {@code scheduling} for {@code scheduling-service}. */
    public String shortName() {
        return name.replace("-service", "");
    }

    /** The demo-only password of the service's database role on the local platform. */
    public String databasePassword() {
        return database.map(db -> db + "-demo-only").orElseThrow();
    }
}
