package org.telehealth.media.control;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/** Where the media of a recorded room may be sent: the control API cannot fork media anywhere else. */
@ConfigMapping(prefix = "media.recording")
public interface RecordingConfig {

    /**
     * Networks (CIDR blocks, IPv4 or IPv6) a recording fork may send to; a recorder's address
     * outside all of them is refused. Loopback only by default; production lists the recording
     * service's network.
     */
    @WithDefault("127.0.0.0/8,::1/128")
    List<String> allowedTargets();

    /** Send buffer of each recording fork's UDP socket, in bytes. */
    @WithDefault("1048576")
    int socketBufferBytes();
}
