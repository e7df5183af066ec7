package org.telehealth.media.sdp;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.StringJoiner;

/**
 * One payload type of an RTP m-section, put together from its {@code a=rtpmap}, {@code a=fmtp}
 * and {@code a=rtcp-fb} lines. A retransmission codec ({@code rtx}) names the payload type it
 * repairs with its {@code apt} parameter (RFC 4588). Format parameters keep the order they were
 * written in; a parameter written without {@code =} (Opus RED's {@code 111/111}, DTMF's
 * {@code 0-15}) has an empty value.
 */
public record Codec(int payloadType, String name, int clockRate, int channels, Map<String, String> parameters,
        List<RtcpFeedback> feedback) {

    public Codec {
        if (payloadType < 0 || payloadType > 127) {
            throw new IllegalArgumentException("an RTP payload type is 0 to 127, got " + payloadType);
        }
        if (!SdpGrammar.isToken(Objects.requireNonNull(name, "name"))) {
            throw new IllegalArgumentException("an encoding name is a token, got " + SdpLine.quoted(name));
        }
        if (clockRate <= 0 || channels <= 0) {
            throw new IllegalArgumentException("clock rate and channels are positive, got " + clockRate + "/" + channels);
        }
        parameters.forEach(Codec::requireParameter);
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        feedback = List.copyOf(feedback);
    }

    public boolean isRtx() {
        return name.equalsIgnoreCase("rtx");
    }

    /** The payload type a retransmission codec repairs ({@code apt=}), if it names a valid one. */
    public OptionalInt associatedPayloadType() {
        OptionalLong apt = SdpGrammar.unsignedDecimal(parameter("apt").orElse(""), 127);
        return apt.isPresent() ? OptionalInt.of((int) apt.getAsLong()) : OptionalInt.empty();
    }

    /** A format parameter, its name compared regardless of case as RFC 6184 and others require. */
    public Optional<String> parameter(String key) {
        return parameters.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(key))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    Codec withFeedback(List<RtcpFeedback> kept) {
        return new Codec(payloadType, name, clockRate, channels, parameters, kept);
    }

    /** {@code <encoding name>/<clock rate>[/<channels>]}, the part of rtpmap after the payload type. */
    String rtpmapValue() {
        return payloadType + " " + name + "/" + clockRate + (channels > 1 ? "/" + channels : "");
    }

    /** {@code <pt> k=v;k=v}, or empty when the codec has no format parameters. */
    Optional<String> fmtpValue() {
        if (parameters.isEmpty()) {
            return Optional.empty();
        }
        StringJoiner joined = new StringJoiner(";");
        parameters.forEach((key, value) -> joined.add(value.isEmpty() ? key : key + "=" + value));
        return Optional.of(payloadType + " " + joined);
    }

    /** Parses the format parameters of an {@code a=fmtp} line, e.g. {@code minptime=10;useinbandfec=1}. */
    static Map<String, String> parseParameters(String text) throws UnacceptableOfferException {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String part : text.split(";", -1)) {
            String parameter = part.strip();
            if (parameter.isEmpty()) {
                continue;
            }
            int equals = parameter.indexOf('=');
            String key = equals < 0 ? parameter : parameter.substring(0, equals).strip();
            String value = equals < 0 ? "" : parameter.substring(equals + 1).strip();
            if (key.isEmpty()) {
                throw UnacceptableOfferException.malformed("fmtp", text, "<payload type> <name>=<value>;...");
            }
            parameters.put(key, value);
        }
        return parameters;
    }

    private static void requireParameter(String key, String value) {
        boolean keyOk = !key.isEmpty() && key.strip().equals(key) && key.indexOf('=') < 0;
        boolean valueOk = value.strip().equals(value);
        if (!keyOk || !valueOk || !SdpGrammar.isText(key + value) || (key + value).indexOf(';') >= 0) {
            throw new IllegalArgumentException("a format parameter is '<name>[=<value>]' without ';', got "
                    + SdpLine.quoted(key + "=" + value));
        }
    }
}
