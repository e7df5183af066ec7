package org.telehealth.media.sdp;

import java.util.Objects;

/**
 * The {@code o=} line: who made the description and which version of the session it is. An
 * answerer keeps the session id for the life of the peer connection and raises the version with
 * every new answer (RFC 3264, section 8), which is how the browser tells a renegotiation from a new
 * session. Ids stay text: Firefox uses the whole 64-bit range, beyond a Java {@code long}.
 */
public record Origin(String username, String sessionId, String sessionVersion, String networkType, String addressType,
        String address) {

    private static final int MAX_ID_DIGITS = 20;

    public Origin {
        requireNonWhitespace(username, "username");
        requireNonWhitespace(networkType, "network type");
        requireNonWhitespace(addressType, "address type");
        requireNonWhitespace(address, "address");
        requireDigits(sessionId, "session id");
        requireDigits(sessionVersion, "session version");
    }

    static Origin parse(SdpLine line) throws MalformedSdpException {
        String[] fields = line.value().split(" ", -1);
        if (fields.length != 6) {
            throw line.malformed("o= is '<username> <sess-id> <sess-version> <nettype> <addrtype> <address>', got "
                    + line.quoted());
        }
        try {
            return new Origin(fields[0], fields[1], fields[2], fields[3], fields[4], fields[5]);
        } catch (IllegalArgumentException e) {
            throw line.malformed(e.getMessage());
        }
    }

    String sdpValue() {
        return String.join(" ", username, sessionId, sessionVersion, networkType, addressType, address);
    }

    private static void requireNonWhitespace(String field, String name) {
        if (!SdpGrammar.isNonWhitespace(Objects.requireNonNull(field, name))) {
            throw new IllegalArgumentException("the origin " + name + " must be one or more non-blank characters");
        }
    }

    private static void requireDigits(String field, String name) {
        if (!SdpGrammar.isUnsignedDecimal(Objects.requireNonNull(field, name), MAX_ID_DIGITS)) {
            throw new IllegalArgumentException("the origin " + name + " must be 1 to " + MAX_ID_DIGITS + " digits, got "
                    + SdpLine.quoted(field));
        }
    }
}
