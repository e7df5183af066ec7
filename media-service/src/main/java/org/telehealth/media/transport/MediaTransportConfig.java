package org.telehealth.media.transport;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * Where the SFU's single UDP port listens and which address browsers are told to send to. In
 * Kubernetes these differ (the pod binds its own address, browsers reach the node's public one).
 */
@ConfigMapping(prefix = "media.transport")
public interface MediaTransportConfig {

    /** Local address the UDP socket binds to. Bind the address you advertise: ICE-lite answers from it. */
    @WithDefault("127.0.0.1")
    String bindAddress();

    /** UDP port for all media (STUN, DTLS, SRTP, SRTCP) of every participant on this instance. */
    @WithDefault("10000")
    int port();

    /** Address put in ICE candidates; defaults to the bind address. */
    Optional<String> advertisedAddress();

    /** Receive and send buffer of the UDP socket, in bytes; large enough to absorb bursts of video. */
    @WithDefault("4194304")
    int socketBufferBytes();
}
