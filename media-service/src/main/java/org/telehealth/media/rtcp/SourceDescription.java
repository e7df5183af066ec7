package org.telehealth.media.rtcp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A source description (SDES, RFC 3550 §6.5): text items about each of the sender's sources, of
 * which browsers send the CNAME in every compound packet. Bytes after the counted chunks are
 * ignored.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P|   SC    |    PT=202     |   length in 32-bit words - 1  |
 * +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 * |                   chunk 1 (SdesChunk)  ...                    |
 * +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 * |                   chunk SC ...                                |
 * +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 * </pre>
 */
public record SourceDescription(List<SdesChunk> chunks) implements RtcpPacket {

    public SourceDescription {
        chunks = List.copyOf(chunks);
        RtcpHeader.requireCount(chunks.size(), "SDES chunks");
    }

    /** A description giving only the CNAME of one SSRC, as the SFU sends for its own sources. */
    public static SourceDescription cname(long ssrc, String cname) {
        return new SourceDescription(List.of(new SdesChunk(ssrc, List.of(SdesItem.cname(cname)))));
    }

    /** The CNAME given for {@code ssrc}, if this description has one. */
    public Optional<String> cnameOf(long ssrc) {
        return chunks.stream()
                .filter(chunk -> chunk.ssrc() == ssrc)
                .flatMap(chunk -> chunk.item(SdesItem.CNAME).stream())
                .findFirst();
    }

    static SourceDescription parse(RtcpPacketView packet) throws MalformedRtcpException {
        int count = packet.countOrFormat();
        int end = packet.offset() + packet.contentLength();
        List<SdesChunk> chunks = new ArrayList<>(count);
        int position = packet.offset() + RtcpHeader.LENGTH;
        for (int i = 0; i < count; i++) {
            if (position + 4 > end) {
                throw new MalformedRtcpException("SDES counts " + count + " chunks but the packet ends after "
                        + i);
            }
            SdesChunk chunk = SdesChunk.read(packet, position);
            chunks.add(chunk);
            position += chunk.length();
        }
        return new SourceDescription(chunks);
    }

    @Override
    public int length() {
        int length = RtcpHeader.LENGTH;
        for (SdesChunk chunk : chunks) {
            length += chunk.length();
        }
        return length;
    }

    @Override
    public int writeTo(byte[] buffer, int offset) {
        int length = length();
        RtcpHeader.write(buffer, offset, chunks.size(), RtcpPacketType.SOURCE_DESCRIPTION, length);
        int position = offset + RtcpHeader.LENGTH;
        for (SdesChunk chunk : chunks) {
            position += chunk.writeTo(buffer, position);
        }
        return length;
    }
}
