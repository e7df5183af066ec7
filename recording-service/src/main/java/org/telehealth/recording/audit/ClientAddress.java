package org.telehealth.recording.audit;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The address a request came from, for the audit. The TCP peer, unless the peer is a trusted proxy
 * ({@code recording.audit.trusted-proxies}): then the {@code X-Forwarded-For} chain is walked from
 * its right end (the hop the proxy itself added) past every trusted proxy, and the first address
 * that is not one is the client. Anything a client wrote itself further left is never believed.
 */
@ApplicationScoped
public class ClientAddress {

    private final List<Range> trusted = new ArrayList<>();

    public ClientAddress(AuditConfig config) {
        config.trustedProxies().orElse(List.of()).stream().map(String::strip).filter(s -> !s.isEmpty())
                .map(Range::parse).forEach(trusted::add);
    }

    /** The client's address given the TCP peer and the {@code X-Forwarded-For} header (may be null). */
    public String resolve(String peer, String forwardedFor) {
        if (peer == null || forwardedFor == null || forwardedFor.isBlank() || !isTrusted(peer)) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        String client = peer;
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!isLiteralAddress(hop)) {
                return client; // garbage from here on: keep the last address we could vouch for
            }
            client = hop;
            if (!isTrusted(hop)) {
                return hop;
            }
        }
        return client;
    }

    private boolean isTrusted(String address) {
        if (!isLiteralAddress(address)) {
            return false;
        }
        return trusted.stream().anyMatch(range -> range.contains(address));
    }

    /** An IPv4 or IPv6 literal: what InetAddress parses without ever looking a name up. */
    private static boolean isLiteralAddress(String text) {
        return text.length() <= 45 && (text.matches("\\d{1,3}(\\.\\d{1,3}){3}") || text.matches("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*"));
    }

    /** An address or CIDR range of trusted proxies. */
    record Range(byte[] network, int prefixLength) {

        static Range parse(String text) {
            String[] parts = text.split("/", 2);
            byte[] address = bytes(parts[0]);
            int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : address.length * 8;
            if (prefix < 0 || prefix > address.length * 8) {
                throw new IllegalArgumentException("recording.audit.trusted-proxies: bad prefix in " + text);
            }
            return new Range(address, prefix);
        }

        boolean contains(String text) {
            byte[] address = bytes(text);
            if (address.length != network.length) {
                return false;
            }
            int shift = address.length * 8 - prefixLength;
            return new BigInteger(1, address).shiftRight(shift).equals(new BigInteger(1, network).shiftRight(shift));
        }

        private static byte[] bytes(String literal) {
            if (!isLiteralAddress(literal)) {
                throw new IllegalArgumentException("not an IP address: " + literal);
            }
            try {
                return InetAddress.getByName(literal).getAddress(); // a literal: no name lookup happens
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("not an IP address: " + literal, e);
            }
        }
    }
}
