package org.telehealth.media.sdp;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An {@code a=<name>} flag or {@code a=<name>:<value>} attribute, kept as text. The generic model
 * does not interpret attributes, so attributes it does not know survive parsing and writing
 * unchanged; {@link OfferReader} gives meaning to those WebRTC uses.
 */
public record SdpAttribute(String name, Optional<String> value) {

    public SdpAttribute {
        if (!SdpGrammar.isToken(Objects.requireNonNull(name, "name"))) {
            throw new IllegalArgumentException("an attribute name is a token, got " + SdpLine.quoted(name));
        }
        if (!SdpGrammar.isText(value.orElse(""))) {
            throw new IllegalArgumentException("attribute " + name + " has a line break or NUL in its value");
        }
    }

    /** {@code a=<name>}, e.g. {@code a=rtcp-mux}. */
    public static SdpAttribute flag(String name) {
        return new SdpAttribute(name, Optional.empty());
    }

    /** {@code a=<name>:<value>}, e.g. {@code a=mid:0}. */
    public static SdpAttribute of(String name, String value) {
        return new SdpAttribute(name, Optional.of(value));
    }

    static SdpAttribute parse(SdpLine line) throws MalformedSdpException {
        int colon = line.value().indexOf(':');
        String name = colon < 0 ? line.value() : line.value().substring(0, colon);
        if (!SdpGrammar.isToken(name)) {
            throw line.malformed("an attribute is 'a=<name>' or 'a=<name>:<value>' with a token for a name, got "
                    + line.quoted());
        }
        return colon < 0 ? flag(name) : of(name, line.value().substring(colon + 1));
    }

    String sdpValue() {
        return value.map(v -> name + ":" + v).orElse(name);
    }

    /** The values of the attributes called {@code name}, in order; a flag counts as an empty value. */
    static List<String> valuesOf(List<SdpAttribute> attributes, String name) {
        return attributes.stream().filter(a -> a.name.equals(name)).map(a -> a.value.orElse("")).toList();
    }

    static boolean isPresent(List<SdpAttribute> attributes, String name) {
        return attributes.stream().anyMatch(a -> a.name.equals(name));
    }
}
