package org.telehealth.media.sdp;

import java.util.Objects;

/**
 * A {@code c=} line. With ICE it carries nothing useful, the candidates do, so WebRTC writes the
 * placeholder {@link #UNSPECIFIED} (RFC 8839, section 4.2.1); other values are kept as written.
 */
public record ConnectionData(String networkType, String addressType, String address) {

    /** {@code c=IN IP4 0.0.0.0}. */
    public static final ConnectionData UNSPECIFIED = new ConnectionData("IN", "IP4", "0.0.0.0");

    public ConnectionData {
        for (String field : new String[] {networkType, addressType, address}) {
            if (!SdpGrammar.isNonWhitespace(Objects.requireNonNull(field))) {
                throw new IllegalArgumentException("c= fields are non-blank, got " + SdpLine.quoted(String.valueOf(field)));
            }
        }
    }

    static ConnectionData parse(SdpLine line) throws MalformedSdpException {
        String[] fields = line.value().split(" ", -1);
        if (fields.length != 3) {
            throw line.malformed("c= is '<nettype> <addrtype> <connection-address>', got " + line.quoted());
        }
        try {
            return new ConnectionData(fields[0], fields[1], fields[2]);
        } catch (IllegalArgumentException e) {
            throw line.malformed(e.getMessage());
        }
    }

    String sdpValue() {
        return networkType + " " + addressType + " " + address;
    }
}
