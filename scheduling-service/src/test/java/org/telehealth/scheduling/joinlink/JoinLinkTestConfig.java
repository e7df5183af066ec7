package org.telehealth.scheduling.joinlink;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** {@link JoinLinkConfig} for tests without Quarkus: the shipped defaults, changed one key at a time. */
record JoinLinkTestConfig(URI baseUrl, String issuer, String audience, Duration opensBefore,
        Duration closesAfter, Optional<String> keyId, Optional<Path> signingKeyLocation) implements JoinLinkConfig {

    static JoinLinkTestConfig defaults() {
        return new JoinLinkTestConfig(URI.create("http://localhost:8082/visit/"), "telehealth-scheduling",
                "telehealth-visit", Duration.ofMinutes(15), Duration.ofMinutes(30), Optional.empty(), Optional.empty());
    }

    JoinLinkTestConfig withBaseUrl(String url) {
        return new JoinLinkTestConfig(URI.create(url), issuer, audience, opensBefore, closesAfter, keyId, signingKeyLocation);
    }

    JoinLinkTestConfig withIssuer(String value) {
        return new JoinLinkTestConfig(baseUrl, value, audience, opensBefore, closesAfter, keyId, signingKeyLocation);
    }

    JoinLinkTestConfig withAudience(String value) {
        return new JoinLinkTestConfig(baseUrl, issuer, value, opensBefore, closesAfter, keyId, signingKeyLocation);
    }

    JoinLinkTestConfig withKeyId(String value) {
        return new JoinLinkTestConfig(baseUrl, issuer, audience, opensBefore, closesAfter, Optional.of(value), signingKeyLocation);
    }

    JoinLinkTestConfig withSigningKey(Path file) {
        return new JoinLinkTestConfig(baseUrl, issuer, audience, opensBefore, closesAfter, keyId, Optional.of(file));
    }
}
