package org.telehealth.scheduling.joinlink;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * What a patient join link looks like and when it works. Issuer and audience must match what
 * signaling-service expects; every instance of scheduling-service must share the signing key.
 */
@ConfigMapping(prefix = "scheduling.join-link")
public interface JoinLinkConfig {

    /** The patient's visit page; a link is {@code <base-url><appointment id>?t=<token>}. */
    @WithDefault("http://localhost:8082/visit/")
    URI baseUrl();

    /** {@code iss} of the link tokens. */
    @WithDefault("telehealth-scheduling")
    String issuer();

    /** {@code aud} of the link tokens: the service that admits patients to a visit. */
    @WithDefault("telehealth-visit")
    String audience();

    /** How long before the appointment starts the link begins to work ({@code nbf}). */
    @WithDefault("15m")
    Duration opensBefore();

    /** How long after the appointment ends the link still works ({@code exp}). */
    @WithDefault("30m")
    Duration closesAfter();

    /** {@code kid} of the signing key; defaults to its RFC 7638 thumbprint, the same on every instance. */
    Optional<String> keyId();

    /** PKCS#8 PEM file holding the EC P-256 private key; unset means an ephemeral key per start. */
    Optional<Path> signingKeyLocation();
}
