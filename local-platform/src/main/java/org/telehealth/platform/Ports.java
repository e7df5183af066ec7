package org.telehealth.platform;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The TCP ports of the local platform. Defaults sit in one block so they are easy to remember and to
 * open; {@code TELEHEALTH_PORT_OFFSET} shifts them all, to run a second copy beside the first.
 */
public record Ports(int postgres, int kafka, int kafkaController, int keycloak, int keycloakManagement,
        int scheduling, int signaling, int media, int recording, int mediaUdp, int secondSignaling) {

    public static Ports withOffset(int offset) {
        if (offset < 0 || offset > 20000) {
            throw new PlatformException("TELEHEALTH_PORT_OFFSET must be between 0 and 20000, was " + offset);
        }
        return new Ports(15432 + offset, 19092 + offset, 19093 + offset, 8180 + offset, 8190 + offset,
                8081 + offset, 8082 + offset, 8083 + offset, 8084 + offset, 10000 + offset, 8085 + offset);
    }

    /** UDP ports with what listens on them: the media-service's one port for all media. */
    public Map<String, Integer> udpByOwner() {
        return Map.of("media-service media", mediaUdp);
    }

    /** Every TCP port with the name of what listens on it, in start order. */
    public Map<String, Integer> byOwner(boolean embeddedPostgres, int signalingInstances) {
        Map<String, Integer> owners = new LinkedHashMap<>();
        if (embeddedPostgres) {
            owners.put("postgres", postgres);
        }
        owners.put("kafka", kafka);
        owners.put("kafka controller", kafkaController);
        owners.put("keycloak", keycloak);
        owners.put("keycloak management", keycloakManagement);
        owners.put("scheduling-service", scheduling);
        owners.put("signaling-service", signaling);
        if (signalingInstances > 1) {
            owners.put("signaling-service-2", secondSignaling);
        }
        owners.put("media-service", media);
        owners.put("recording-service", recording);
        return owners;
    }
}
