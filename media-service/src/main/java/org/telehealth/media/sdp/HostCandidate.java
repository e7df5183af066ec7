package org.telehealth.media.sdp;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Objects;

/**
 * An address and UDP port the SFU receives media on. As an ICE-lite agent (RFC 8445, section 2.5)
 * it gathers nothing: it announces these host candidates and waits for the browser's checks.
 */
public record HostCandidate(InetAddress address, int port) {

    public HostCandidate {
        Objects.requireNonNull(address, "address");
        if (address.isAnyLocalAddress()) {
            throw new IllegalArgumentException("a candidate needs the address browsers reach, not the wildcard "
                    + address.getHostAddress());
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("a UDP port is 1 to 65535, got " + port);
        }
    }

    /** The address as a candidate line writes it, without an IPv6 scope, which browsers do not parse. */
    String addressText() {
        String text = address.getHostAddress();
        int scope = text.indexOf('%');
        return address instanceof Inet6Address && scope >= 0 ? text.substring(0, scope) : text;
    }
}
