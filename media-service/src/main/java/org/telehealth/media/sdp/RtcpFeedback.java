package org.telehealth.media.sdp;

import java.util.Objects;
import java.util.Optional;

/**
 * One RTCP feedback message a codec supports ({@code a=rtcp-fb:<pt> <type> [<parameter>]}, RFC
 * 4585), e.g. {@code nack pli}: the messages the SFU answers are the ones it will send to, and
 * accept from, the browser for that payload type.
 */
public record RtcpFeedback(String type, Optional<String> parameter) {

    public RtcpFeedback {
        if (!SdpGrammar.isToken(Objects.requireNonNull(type, "type"))) {
            throw new IllegalArgumentException("an RTCP feedback type is a token, got " + SdpLine.quoted(type));
        }
        if (parameter.isPresent() && (parameter.get().isBlank() || !SdpGrammar.isText(parameter.get()))) {
            throw new IllegalArgumentException("an RTCP feedback parameter is non-blank text");
        }
    }

    public static RtcpFeedback of(String type) {
        return new RtcpFeedback(type, Optional.empty());
    }

    public static RtcpFeedback of(String type, String parameter) {
        return new RtcpFeedback(type, Optional.of(parameter));
    }

    /** Parses what follows the payload type: {@code <type> [<parameter>]}. */
    static RtcpFeedback parse(String text) throws UnacceptableOfferException {
        int space = text.indexOf(' ');
        String type = space < 0 ? text : text.substring(0, space);
        Optional<String> parameter = space < 0 ? Optional.empty() : Optional.of(text.substring(space + 1));
        if (!SdpGrammar.isToken(type) || parameter.filter(String::isBlank).isPresent()) {
            throw UnacceptableOfferException.malformed("rtcp-fb", text, "<payload type> <type> [<parameter>]");
        }
        return new RtcpFeedback(type, parameter);
    }

    /** {@code nack}, {@code nack pli}... */
    String sdpValue() {
        return parameter.map(p -> type + " " + p).orElse(type);
    }
}
