package org.telehealth.media.rtcp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.telehealth.media.wire.NetworkByteOrder;

/**
 * The items a source description gives about one SSRC (RFC 3550 §6.5): the SSRC, its items, then
 * one to four zero bytes that end the item list and pad the chunk to a 32-bit boundary.
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                          SSRC/CSRC                            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  items (SdesItem) ...           |  0  | zero padding to 32 bits |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public record SdesChunk(long ssrc, List<SdesItem> items) {

    private static final int END_OF_ITEMS = 0;

    public SdesChunk {
        RtcpHeader.requireUnsigned32(ssrc, "SSRC");
        items = List.copyOf(items);
    }

    /** The first item of {@code type}'s text. */
    public Optional<String> item(int type) {
        return items.stream().filter(item -> item.type() == type).map(SdesItem::text).findFirst();
    }

    /**
     * Reads the chunk that starts at {@code index}, a multiple of four bytes into {@code packet}; the
     * next chunk starts {@link #length()} bytes further.
     */
    static SdesChunk read(RtcpPacketView packet, int index) throws MalformedRtcpException {
        byte[] buffer = packet.buffer();
        int end = packet.offset() + packet.contentLength();
        long ssrc = NetworkByteOrder.uint32(buffer, index);
        List<SdesItem> items = new ArrayList<>();
        int position = index + 4;
        while (true) {
            if (position >= end) {
                throw new MalformedRtcpException("SDES chunk of SSRC " + ssrc + " runs past the end of the packet"
                        + " without the zero byte that ends its items");
            }
            int type = buffer[position] & 0xFF;
            if (type == END_OF_ITEMS) {
                break;
            }
            if (position + SdesItem.HEADER_LENGTH > end) {
                throw new MalformedRtcpException("SDES item of type " + type + " has no length byte");
            }
            int length = buffer[position + 1] & 0xFF;
            int textIndex = position + SdesItem.HEADER_LENGTH;
            if (textIndex + length > end) {
                throw new MalformedRtcpException("SDES item of type " + type + " and " + length
                        + " bytes runs past the end of the packet");
            }
            items.add(new SdesItem(type, RtcpText.decode(buffer, textIndex, length, "SDES item of type " + type)));
            position = textIndex + length;
        }
        if (index + alignTo32Bits(position + 1 - index) > end) {
            throw new MalformedRtcpException("padding of the SDES chunk of SSRC " + ssrc
                    + " runs past the end of the packet");
        }
        return new SdesChunk(ssrc, items);
    }

    int length() {
        int length = 4;
        for (SdesItem item : items) {
            length += item.length();
        }
        return alignTo32Bits(length + 1);
    }

    int writeTo(byte[] buffer, int index) {
        NetworkByteOrder.writeUint32(buffer, index, ssrc);
        int position = index + 4;
        for (SdesItem item : items) {
            position += item.writeTo(buffer, position);
        }
        int length = length();
        for (int end = index + length; position < end; position++) {
            buffer[position] = END_OF_ITEMS;
        }
        return length;
    }

    private static int alignTo32Bits(int length) {
        return (length + 3) & ~3;
    }
}
