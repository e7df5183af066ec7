package org.telehealth.media.rtp;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * A header extension that carries an RTCP SDES item as text in RTP (RFC 7941): the media
 * identification {@code mid} (RFC 8843) that ties a stream to its m-line, and the
 * {@code rtp-stream-id} / {@code repaired-rtp-stream-id} (RFC 8852) that name the simulcast layer
 * of a stream and of its retransmissions. The SFU reads them on the first packets of an unknown
 * SSRC to learn which track and layer it is; reading allocates a string, which is fine that rarely.
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  text, UTF-8, not null-terminated ...         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public final class SdesItemExtension {

    public static final String MID_URI = "urn:ietf:params:rtp-hdrext:sdes:mid";
    public static final String RTP_STREAM_ID_URI = "urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id";
    public static final String REPAIRED_RTP_STREAM_ID_URI = "urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id";

    private final String uri;
    private final int id;

    /**
     * @param uri which SDES item the extension carries, as in {@code a=extmap}
     * @param id the id the extension was negotiated with
     */
    public SdesItemExtension(String uri, int id) {
        this.uri = Objects.requireNonNull(uri, "uri");
        this.id = HeaderExtensionBlock.requireId(id);
    }

    public static SdesItemExtension mid(int id) {
        return new SdesItemExtension(MID_URI, id);
    }

    public static SdesItemExtension rtpStreamId(int id) {
        return new SdesItemExtension(RTP_STREAM_ID_URI, id);
    }

    public static SdesItemExtension repairedRtpStreamId(int id) {
        return new SdesItemExtension(REPAIRED_RTP_STREAM_ID_URI, id);
    }

    public String uri() {
        return uri;
    }

    public int id() {
        return id;
    }

    /** The text the packet carries, empty if the packet does not carry the extension or carries no text. */
    public Optional<String> read(RtpPacket packet) {
        int index = packet.findHeaderExtension(id);
        if (index == RtpPacket.NOT_FOUND) {
            return Optional.empty();
        }
        int length = packet.headerExtensionLengthAt(index);
        if (length == 0) {
            return Optional.empty();
        }
        return Optional.of(new String(packet.buffer(), index, length, StandardCharsets.UTF_8));
    }
}
