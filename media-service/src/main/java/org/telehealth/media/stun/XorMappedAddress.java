package org.telehealth.media.stun;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import org.telehealth.media.wire.NetworkByteOrder;

/**
 * Reads and writes the value of an XOR-MAPPED-ADDRESS attribute (RFC 8489 §14.2): the address the
 * request came from, XOR-ed with the magic cookie (and, for IPv6, the transaction id) so that NATs
 * rewriting addresses they find in payloads leave it alone. The bytes it is XOR-ed with are bytes
 * 4 to 19 of the message header, which is where this class takes them from.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |0 0 0 0 0 0 0 0|    Family     |         X-Port                |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                X-Address (32 bits IPv4, 128 bits IPv6)       ..
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * Family 0x01 = IPv4, 0x02 = IPv6
 * X-Port    = port    XOR (magic cookie &gt;&gt; 16)
 * X-Address = address XOR magic cookie (IPv4) | magic cookie ++ transaction id (IPv6)
 * </pre>
 */
final class XorMappedAddress {

    private static final int IPV4 = 0x01;
    private static final int IPV6 = 0x02;
    private static final int IPV4_VALUE_LENGTH = 8;
    private static final int IPV6_VALUE_LENGTH = 20;
    private static final int COOKIE_AT = 4;

    private XorMappedAddress() {
    }

    static int valueLength(InetSocketAddress address) {
        return address.getAddress().getAddress().length == 4 ? IPV4_VALUE_LENGTH : IPV6_VALUE_LENGTH;
    }

    static InetSocketAddress read(byte[] message, int messageOffset, int valueAt, int valueLength)
            throws MalformedStunException {
        if (valueLength < 4) {
            throw new MalformedStunException("XOR-MAPPED-ADDRESS of " + valueLength + " bytes is too short");
        }
        int family = message[valueAt + 1] & 0xFF;
        int addressLength = switch (family) {
            case IPV4 -> 4;
            case IPV6 -> 16;
            default -> throw new MalformedStunException("XOR-MAPPED-ADDRESS has unknown address family " + family);
        };
        if (valueLength != 4 + addressLength) {
            throw new MalformedStunException("XOR-MAPPED-ADDRESS of family " + family + " must have "
                    + (4 + addressLength) + " bytes, not " + valueLength);
        }
        int port = NetworkByteOrder.uint16(message, valueAt + 2)
                ^ NetworkByteOrder.uint16(message, messageOffset + COOKIE_AT);
        byte[] address = new byte[addressLength];
        for (int i = 0; i < addressLength; i++) {
            address[i] = (byte) (message[valueAt + 4 + i] ^ message[messageOffset + COOKIE_AT + i]);
        }
        try {
            return new InetSocketAddress(InetAddress.getByAddress(address), port);
        } catch (UnknownHostException impossibleForFourOrSixteenBytes) {
            throw new IllegalStateException(impossibleForFourOrSixteenBytes);
        }
    }

    /** Writes the value; the message header (cookie and transaction id) must already be in place. */
    static void write(InetSocketAddress address, byte[] message, int messageOffset, int valueAt) {
        byte[] raw = address.getAddress().getAddress();
        message[valueAt] = 0;
        message[valueAt + 1] = (byte) (raw.length == 4 ? IPV4 : IPV6);
        NetworkByteOrder.writeUint16(message, valueAt + 2,
                address.getPort() ^ NetworkByteOrder.uint16(message, messageOffset + COOKIE_AT));
        for (int i = 0; i < raw.length; i++) {
            message[valueAt + 4 + i] = (byte) (raw[i] ^ message[messageOffset + COOKIE_AT + i]);
        }
    }
}
