package org.telehealth.media.rtcp;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.telehealth.media.wire.NetworkByteOrder;

/**
 * An APP packet (RFC 3550 §6.7): data an application defines, named by four ASCII characters. The
 * SFU sends one kind to the recording fork ({@code TRCK}, a track's description) and parses none
 * ({@link RtcpCompoundParser} skips APP packets it receives), so it is no {@link RtcpPacket}: that
 * is the set of packets the SFU understands.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P| subtype |    PT=204     |   length in 32-bit words - 1  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                           SSRC/CSRC                           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                          name (ASCII)                         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      application-dependent data: a multiple of 32 bits ...    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param data the application's data; its length must be a multiple of four
 */
public record ApplicationDefined(int subtype, long ssrc, String name, byte[] data) {

    private static final int NAME_LENGTH = 4;

    public ApplicationDefined {
        RtcpHeader.requireCount(subtype, "APP subtype");
        RtcpHeader.requireUnsigned32(ssrc, "SSRC");
        if (name.length() != NAME_LENGTH || !name.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
            throw new IllegalArgumentException("an APP name is four printable ASCII characters, got '" + name + "'");
        }
        if (data.length % 4 != 0) {
            throw new IllegalArgumentException("APP data is a multiple of 4 bytes, got " + data.length);
        }
        data = data.clone();
    }

    /** The packet with {@code text} as data, UTF-8, padded with spaces to a multiple of four bytes. */
    public static ApplicationDefined withText(int subtype, long ssrc, String name, String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] padded = Arrays.copyOf(utf8, (utf8.length + 3) & ~3);
        Arrays.fill(padded, utf8.length, padded.length, (byte) ' ');
        return new ApplicationDefined(subtype, ssrc, name, padded);
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** Bytes the packet takes on the wire, header included. */
    public int length() {
        return RtcpHeader.LENGTH + 4 + NAME_LENGTH + data.length;
    }

    /** Writes the packet into {@code buffer} from {@code offset}; returns {@link #length()}. */
    public int writeTo(byte[] buffer, int offset) {
        int length = length();
        RtcpHeader.write(buffer, offset, subtype, RtcpPacketType.APPLICATION_DEFINED, length);
        NetworkByteOrder.writeUint32(buffer, offset + RtcpHeader.LENGTH, ssrc);
        byte[] ascii = name.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(ascii, 0, buffer, offset + RtcpHeader.LENGTH + 4, NAME_LENGTH);
        System.arraycopy(data, 0, buffer, offset + RtcpHeader.LENGTH + 4 + NAME_LENGTH, data.length);
        return length;
    }

    public byte[] toBytes() {
        byte[] bytes = new byte[length()];
        writeTo(bytes, 0);
        return bytes;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ApplicationDefined app && app.subtype == subtype && app.ssrc == ssrc
                && app.name.equals(name) && Arrays.equals(app.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * subtype + Long.hashCode(ssrc)) + name.hashCode()) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "ApplicationDefined[subtype=" + subtype + ", ssrc=" + ssrc + ", name=" + name + ", "
                + data.length + " bytes]";
    }
}
