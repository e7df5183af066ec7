package org.telehealth.media.room;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.telehealth.media.rtp.MalformedRtpException;
import org.telehealth.media.rtp.RtpPacket;
import org.telehealth.media.wire.NetworkByteOrder;

/**
 * VP8 packets of a simulcast layer for tests, built after RFC 7741: every payload descriptor has
 * a 15-bit picture id and a TL0PICIDX, a keyframe's first packet has the VP8 keyframe header
 * (start code, 1280x720); one-byte header extensions as Chrome writes them (mid, rid).
 */
final class SimulcastPackets {

    enum Frame {
        KEYFRAME_START,
        DELTA_START,
        CONTINUATION
    }

    private SimulcastPackets() {
    }

    /** A VP8 packet; {@code extensions} are one-byte elements ({@link #element}), padded here to 32 bits. */
    static byte[] vp8(long ssrc, int payloadType, int sequenceNumber, long timestamp, int pictureId, int tl0PicIdx,
            Frame frame, byte[]... extensions) {
        ByteArrayOutputStream block = new ByteArrayOutputStream();
        for (byte[] element : extensions) {
            block.writeBytes(element);
        }
        while (block.size() % 4 != 0) {
            block.write(0);
        }
        byte[] descriptor = {(byte) (frame == Frame.CONTINUATION ? 0x80 : 0x90), (byte) 0xC0,
                (byte) (0x80 | pictureId >> 8 & 0x7F), (byte) pictureId, (byte) tl0PicIdx};
        byte[] vp8 = switch (frame) {
            case KEYFRAME_START -> new byte[] {(byte) 0x90, 0x0C, 0x00, (byte) 0x9d, 0x01, 0x2a, 0x00, 0x05, (byte) 0xd0, 0x02};
            case DELTA_START -> new byte[] {(byte) 0x91, 0x04, 0x00, 0x11, 0x22, 0x33};
            case CONTINUATION -> new byte[] {0x44, 0x55, 0x66, 0x77};
        };
        int extensionLength = block.size() == 0 ? 0 : 4 + block.size();
        byte[] packet = new byte[12 + extensionLength + descriptor.length + vp8.length];
        packet[0] = (byte) (block.size() == 0 ? 0x80 : 0x90);
        packet[1] = (byte) (payloadType | (frame == Frame.CONTINUATION ? 0x80 : 0));
        NetworkByteOrder.writeUint16(packet, 2, sequenceNumber);
        NetworkByteOrder.writeUint32(packet, 4, timestamp);
        NetworkByteOrder.writeUint32(packet, 8, ssrc);
        if (block.size() > 0) {
            NetworkByteOrder.writeUint16(packet, 12, 0xBEDE);
            NetworkByteOrder.writeUint16(packet, 14, block.size() / 4);
            System.arraycopy(block.toByteArray(), 0, packet, 16, block.size());
        }
        System.arraycopy(descriptor, 0, packet, 12 + extensionLength, descriptor.length);
        System.arraycopy(vp8, 0, packet, 12 + extensionLength + descriptor.length, vp8.length);
        return packet;
    }

    /** A one-byte header extension element carrying text (mid, rid). */
    static byte[] element(int id, String text) {
        byte[] data = text.getBytes(StandardCharsets.US_ASCII);
        byte[] element = new byte[1 + data.length];
        element[0] = (byte) (id << 4 | data.length - 1);
        System.arraycopy(data, 0, element, 1, data.length);
        return element;
    }

    static RtpPacket parse(byte[] packet) {
        try {
            return RtpPacket.parse(packet, 0, packet.length);
        } catch (MalformedRtpException e) {
            throw new AssertionError(e);
        }
    }

    /** The picture id of a VP8 packet built here, or as rewritten: at the descriptor's third byte. */
    static int pictureId(RtpPacket packet) {
        return NetworkByteOrder.uint16(packet.buffer(), packet.payloadOffset() + 2) & 0x7FFF;
    }

    static int tl0PicIdx(RtpPacket packet) {
        return packet.buffer()[packet.payloadOffset() + 4] & 0xFF;
    }
}
