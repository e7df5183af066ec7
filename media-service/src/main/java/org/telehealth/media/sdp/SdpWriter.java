package org.telehealth.media.sdp;

/**
 * Writes a {@link SessionDescription} as text in the canonical order of RFC 8866 ({@code v=},
 * {@code o=}, {@code s=}, {@code c=}, {@code b=}, {@code t=}, session attributes, then each media
 * section's {@code m=}, {@code c=}, {@code b=} and attributes), every line ending in CRLF. Whatever
 * it writes, {@link SdpParser} reads back to an equal description.
 */
public final class SdpWriter {

    private SdpWriter() {
    }

    public static String write(SessionDescription description) {
        StringBuilder text = new StringBuilder(4096);
        line(text, 'v', Integer.toString(description.version()));
        line(text, 'o', description.origin().sdpValue());
        line(text, 's', description.sessionName());
        description.connection().ifPresent(c -> line(text, 'c', c.sdpValue()));
        description.bandwidths().forEach(b -> line(text, 'b', b.sdpValue()));
        line(text, 't', description.timing().sdpValue());
        description.attributes().forEach(a -> line(text, 'a', a.sdpValue()));
        for (MediaSection section : description.mediaSections()) {
            line(text, 'm', section.sdpValue());
            section.connection().ifPresent(c -> line(text, 'c', c.sdpValue()));
            section.bandwidths().forEach(b -> line(text, 'b', b.sdpValue()));
            section.attributes().forEach(a -> line(text, 'a', a.sdpValue()));
        }
        return text.toString();
    }

    private static void line(StringBuilder text, char type, String value) {
        text.append(type).append('=').append(value).append("\r\n");
    }
}
