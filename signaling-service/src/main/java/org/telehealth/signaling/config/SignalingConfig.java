package org.telehealth.signaling.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.Secret;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

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

    /** Largest SDP of a {@code media-offer}, in bytes of UTF-8 (the message limit does not apply to it). */
    @WithDefault("49152")
    int maxSdpBytes();

    /** How long a participant whose socket dropped is kept, so that a new socket can resume them. */
    @WithDefault("30s")
    Duration reconnectGrace();

    /** How calls reach media-service. */
    Media media();

    /** How instances share visits (topic telehealth.signaling-rooms). */
    Rooms rooms();

    /** The join links of scheduling-service. */
    JoinLink joinLink();

    /** TURN for participants whose network blocks UDP; off (no {@code iceServers}) unless configured. */
    Turn turn();

    /** Placement of visits' media rooms and the calls to media-service's control API. */
    interface Media {

        /** Control API of the instance used while no load report of any instance is known. */
        @WithDefault("http://localhost:8083")
        String defaultControlUrl();

        /** A load report older than this is ignored (about three missed report intervals). */
        @WithDefault("30s")
        Duration reportExpiry();

        /** Longest wait for one control API call, connecting included. */
        @WithDefault("5s")
        Duration requestTimeout();

        /** Interval of the {@code quality} messages to participants in a call with media. */
        @WithDefault("2s")
        Duration qualityInterval();
    }

    /** How the instances of signaling share each visit's participants through Kafka. */
    interface Rooms {

        /** Interval at which an instance announces each of its participants again, so the others keep them. */
        @WithDefault("30s")
        Duration refreshInterval();

        /**
         * A participant of another instance not announced for this long is dropped (that instance
         * stopped); also how far back a starting instance reads the topic.
         */
        @WithDefault("90s")
        Duration memberExpiry();

        /** Longest wait for the visit's media placement to come back through Kafka; then this instance's own proposal is used. */
        @WithDefault("2s")
        Duration placementWait();

        /**
         * A room nobody is in, on this instance or another, where nothing happened for this long is
         * evicted from memory (a join or a fact builds it again). Keep it well above the time a fact
         * takes through Kafka.
         */
        @WithDefault("10m")
        Duration idleTimeout();

        /** An ended visit's room is evicted this long after the last thing that happened in it; late joins are still refused. */
        @WithDefault("1m")
        Duration endedRetention();

        /** Interval at which the rooms are checked for eviction. */
        @WithDefault("1m")
        Duration sweepInterval();
    }

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

    /**
     * The TURN server (coturn) and the shared secret of its REST API credentials
     * ({@code use-auth-secret}): set both, or neither to leave TURN off (a local run).
     */
    interface Turn {

        /**
         * The TURN URIs handed to the pages, e.g. {@code turns:turn.example.org:443?transport=tcp};
         * {@code turn:} or {@code turns:} only. None: TURN is off.
         */
        Optional<List<String>> uris();

        /** coturn's {@code static-auth-secret}; required with {@code uris}. Never logged nor shown. */
        Optional<Secret<String>> sharedSecret();

        /**
         * How long an issued credential lets a page allocate a relay; participants in the call get a
         * new one every half of it. An allocation made in time outlives it (coturn checks the expiry
         * when the allocation is made), so it bounds how long a leaked credential is of use, not the call.
         */
        @WithDefault("10m")
        Duration credentialTtl();
    }
}
