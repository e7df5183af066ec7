package org.telehealth.media.sdp;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One media description: its {@code m=} line ({@code m=<media> <port>[/<count>] <proto> <fmt> ...}),
 * then its own {@code c=}, {@code b=} and attribute lines in the order they were written. In
 * WebRTC every section is one transceiver and its position is what pairs an answer with its offer.
 */
public record MediaSection(String media, int port, int portCount, String protocol, List<String> formats,
        Optional<ConnectionData> connection, List<Bandwidth> bandwidths, List<SdpAttribute> attributes) {

    private static final int MAX_PORT = 65_535;

    public MediaSection {
        if (!SdpGrammar.isToken(Objects.requireNonNull(media, "media"))) {
            throw new IllegalArgumentException("the media type is a token, got " + SdpLine.quoted(media));
        }
        if (port < 0 || port > MAX_PORT) {
            throw new IllegalArgumentException("a port is 0 to " + MAX_PORT + ", got " + port);
        }
        if (portCount < 1) {
            throw new IllegalArgumentException("a port count is at least 1, got " + portCount);
        }
        if (!isProtocol(Objects.requireNonNull(protocol, "protocol"))) {
            throw new IllegalArgumentException("a protocol is tokens separated by '/', got " + SdpLine.quoted(protocol));
        }
        formats = List.copyOf(formats);
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("an m= line lists at least one format");
        }
        for (String format : formats) {
            if (!SdpGrammar.isToken(format)) {
                throw new IllegalArgumentException("a format is a token, got " + SdpLine.quoted(format));
            }
        }
        Objects.requireNonNull(connection, "connection");
        bandwidths = List.copyOf(bandwidths);
        attributes = List.copyOf(attributes);
    }

    /** The values of the attributes called {@code name}, in order; a flag counts as an empty value. */
    public List<String> attributeValues(String name) {
        return SdpAttribute.valuesOf(attributes, name);
    }

    public boolean hasAttribute(String name) {
        return SdpAttribute.isPresent(attributes, name);
    }

    /** Parses the {@code m=} line; its other lines are added by {@link SdpParser}. */
    static MediaSection parse(SdpLine line) throws MalformedSdpException {
        String[] fields = line.value().split(" ", -1);
        if (fields.length < 4) {
            throw line.malformed("m= is '<media> <port> <proto> <fmt> ...', got " + line.quoted());
        }
        String[] portAndCount = fields[1].split("/", -1);
        OptionalLong port = SdpGrammar.unsignedDecimal(portAndCount[0], MAX_PORT);
        OptionalLong count = portAndCount.length == 2 ? SdpGrammar.unsignedDecimal(portAndCount[1], MAX_PORT)
                : OptionalLong.of(1);
        if (portAndCount.length > 2 || port.isEmpty() || count.isEmpty()) {
            throw line.malformed("the port is '<port>' or '<port>/<count>', 0 to " + MAX_PORT + ", got "
                    + SdpLine.quoted(fields[1]));
        }
        try {
            return new MediaSection(fields[0], (int) port.getAsLong(), (int) count.getAsLong(), fields[2],
                    List.of(fields).subList(3, fields.length), Optional.empty(), List.of(), List.of());
        } catch (IllegalArgumentException e) {
            throw line.malformed(e.getMessage());
        }
    }

    String sdpValue() {
        String ports = portCount == 1 ? Integer.toString(port) : port + "/" + portCount;
        return media + " " + ports + " " + protocol + " " + String.join(" ", formats);
    }

    MediaSection with(Optional<ConnectionData> connection, List<Bandwidth> bandwidths, List<SdpAttribute> attributes) {
        return new MediaSection(media, port, portCount, protocol, formats, connection, bandwidths, attributes);
    }

    private static boolean isProtocol(String protocol) {
        for (String part : protocol.split("/", -1)) {
            if (!SdpGrammar.isToken(part)) {
                return false;
            }
        }
        return true;
    }
}
