package org.telehealth.media.sdp;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A session description (RFC 8866) as plain data: the session lines, the session-level attributes
 * and the media sections, in order. It knows the grammar but nothing of WebRTC, so that parsing
 * and writing can be tested, and trusted, apart from offer/answer negotiation.
 *
 * <p>Lines that mean nothing to WebRTC ({@code i=}, {@code u=}, {@code e=}, {@code p=}, {@code r=},
 * {@code z=}, {@code k=}) are checked for form and then dropped.
 */
public record SessionDescription(int version, Origin origin, String sessionName, Optional<ConnectionData> connection,
        List<Bandwidth> bandwidths, Timing timing, List<SdpAttribute> attributes, List<MediaSection> mediaSections) {

    public SessionDescription {
        if (version != 0) {
            throw new IllegalArgumentException("the only SDP version is 0, got " + version);
        }
        Objects.requireNonNull(origin, "origin");
        if (!SdpGrammar.isText(Objects.requireNonNull(sessionName, "sessionName"))) {
            throw new IllegalArgumentException("the session name has a line break or NUL");
        }
        Objects.requireNonNull(connection, "connection");
        bandwidths = List.copyOf(bandwidths);
        Objects.requireNonNull(timing, "timing");
        attributes = List.copyOf(attributes);
        mediaSections = List.copyOf(mediaSections);
    }

    /** The values of the session-level attributes called {@code name}; a flag counts as an empty value. */
    public List<String> attributeValues(String name) {
        return SdpAttribute.valuesOf(attributes, name);
    }

    public boolean hasAttribute(String name) {
        return SdpAttribute.isPresent(attributes, name);
    }
}
