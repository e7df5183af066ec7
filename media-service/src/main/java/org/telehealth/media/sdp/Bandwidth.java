package org.telehealth.media.sdp;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * A {@code b=<bwtype>:<bandwidth>} line, e.g. {@code b=AS:2500} or {@code b=TIAS:2500000}, which
 * browsers write when an application caps a sender's bitrate.
 */
public record Bandwidth(String type, long value) {

    public Bandwidth {
        if (!SdpGrammar.isToken(Objects.requireNonNull(type))) {
            throw new IllegalArgumentException("a bandwidth type is a token, got " + SdpLine.quoted(type));
        }
        if (value < 0) {
            throw new IllegalArgumentException("a bandwidth is unsigned, got " + value);
        }
    }

    static Bandwidth parse(SdpLine line) throws MalformedSdpException {
        int colon = line.value().indexOf(':');
        OptionalLong value = colon < 0 ? OptionalLong.empty()
                : SdpGrammar.unsignedDecimal(line.value().substring(colon + 1), Long.MAX_VALUE);
        if (colon <= 0 || value.isEmpty()) {
            throw line.malformed("b= is '<bwtype>:<bandwidth>', got " + line.quoted());
        }
        try {
            return new Bandwidth(line.value().substring(0, colon), value.getAsLong());
        } catch (IllegalArgumentException e) {
            throw line.malformed(e.getMessage());
        }
    }

    String sdpValue() {
        return type + ":" + value;
    }
}
