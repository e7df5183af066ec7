package org.telehealth.signaling.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/**
 * The settings of the signaling protocol and of the join links it accepts, in one place so that
 * the protocol document (docs/signaling-protocol.md) can name each key with its default.
 */
@ConfigMapping(prefix = "signaling")
public interface SignalingConfig {

    /** Origins whose pages may open a visit socket (exact match on the Origin header). */
    @WithDefault("http://localhost:8081,http://localhost:8082")
    List<String> allowedOrigins();

    /** How long a new socket may stay silent before its {@code hello}; then it is closed. */
    @WithDefault("5s")
    Duration helloTimeout();

    /** Largest accepted client message, in bytes of UTF-8; larger ones get an error. */
    @WithDefault("16384")
    int maxMessageBytes();

    /** Longest chat text, in characters. */
    @WithDefault("2000")
    int maxChatChars();

    /** Messages per second a connection may send on average. */
    @WithDefault("20")
    int messagesPerSecond();

    /** Messages a connection may send at once above its average rate. */
    @WithDefault("40")
    int messageBurst();

    /** The join links of scheduling-service. */
    JoinLink joinLink();

    /** How join link tokens are verified. */
    interface JoinLink {

        /** Where scheduling-service publishes the public keys of join links (JWKS). */
        @WithDefault("http://localhost:8081/.well-known/join-link-jwks.json")
        String jwksUrl();

        /** The {@code iss} join link tokens carry. */
        @WithDefault("telehealth-scheduling")
        String issuer();

        /** The {@code aud} join link tokens carry. */
        @WithDefault("telehealth-visit")
        String audience();

        /** How far our clock may differ from scheduling's when checking nbf/exp. */
        @WithDefault("30s")
        Duration clockSkew();

        /** How long fetched keys are trusted before they are fetched again (an unknown kid refreshes sooner). */
        @WithDefault("1h")
        Duration keysCacheDuration();
    }
}
