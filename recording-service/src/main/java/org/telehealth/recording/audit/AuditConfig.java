package org.telehealth.recording.audit;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Optional;

/** How the access audit learns where a request came from. */
@ConfigMapping(prefix = "recording.audit")
public interface AuditConfig {

    /**
     * Addresses (IPs or CIDR ranges) of the reverse proxies in front of the service. Only a request
     * arriving from one of them has its {@code X-Forwarded-For} believed; unset: none is, and the
     * audit keeps the address of the TCP peer.
     */
    Optional<List<String>> trustedProxies();
}
