package org.telehealth.recording.capture;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * RTP and RTCP as the media-service's recording fork sends them, built for tests: VP8 after RFC
 * 7741 (15-bit picture id), VP9 after RFC 9628 (picture id, scalability structure with the size on
 * keyframes), Opus after RFC 7587; sender reports; the APP {@code TRCK} track descriptions. Public
 * for the recording benchmark, which packetizes its camera the same way.
 */
public final class TestPackets {

    public static final int MAX_PAYLOAD = 1100;

    private TestPackets() {
    }

    public static byte[] rtp(int payloadType, boolean marker, int sequenceNumber, long timestamp, long ssrc, byte[] payload) {
        ByteBuffer packet = ByteBuffer.allocate(12 + payload.length);
        packet.put((byte) 0x80).put((byte) (payloadType | (marker ? 0x80 : 0))).putShort((short) sequenceNumber)
                .putInt((int) timestamp).putInt((int) ssrc).put(payload);
        return packet.array();
    }

    /** A frame's payloads (descriptor included), to be numbered by the caller: VP8, every packet with the picture id. */
    public static List<byte[]> vp8Payloads(int pictureId, byte[] frame) {
        List<byte[]> payloads = new ArrayList<>();
        for (int offset = 0; offset < frame.length; offset += MAX_PAYLOAD) {
            int length = Math.min(MAX_PAYLOAD, frame.length - offset);
            byte[] payload = new byte[4 + length];
            payload[0] = (byte) (0x80 | (offset == 0 ? 0x10 : 0)); // X, S on the first
            payload[1] = (byte) 0x80; // I
            payload[2] = (byte) (0x80 | pictureId >> 8 & 0x7F); // M: 15 bits
            payload[3] = (byte) pictureId;
            System.arraycopy(frame, offset, payload, 4, length);
            payloads.add(payload);
        }
        return payloads;
    }

    /** VP9 in non-flexible mode without layer indices: picture id, B/E, P for inter frames, SS with the size on keyframes. */
    static List<byte[]> vp9Payloads(int pictureId, byte[] frame, boolean keyframe, int width, int height) {
        List<byte[]> payloads = new ArrayList<>();
        for (int offset = 0; offset < frame.length; offset += MAX_PAYLOAD) {
            int length = Math.min(MAX_PAYLOAD, frame.length - offset);
            boolean first = offset == 0;
            boolean last = offset + length == frame.length;
            boolean ss = keyframe && first;
            ByteBuffer payload = ByteBuffer.allocate(3 + (ss ? 5 : 0) + length);
            payload.put((byte) (0x80 | (keyframe ? 0 : 0x40) | (first ? 0x08 : 0) | (last ? 0x04 : 0) | (ss ? 0x02 : 0)));
            payload.put((byte) (0x80 | pictureId >> 8 & 0x7F)).put((byte) pictureId);
            if (ss) {
                payload.put((byte) 0x10).putShort((short) width).putShort((short) height); // N_S = 0, Y
            }
            payload.put(frame, offset, length);
            payloads.add(payload.array());
        }
        return payloads;
    }

    /** Whether a VP9 frame (profile 0) is a keyframe: frame_type, the bit after show_existing_frame, is 0. */
    static boolean isVp9Keyframe(byte[] frame) {
        return (frame[0] & 0x0C) == 0;
    }

    static byte[] senderReport(long ssrc, long ntpTimestamp, long rtpTimestamp) {
        ByteBuffer report = ByteBuffer.allocate(28);
        report.put((byte) 0x80).put((byte) 200).putShort((short) 6).putInt((int) ssrc).putLong(ntpTimestamp)
                .putInt((int) rtpTimestamp).putInt(0).putInt(0);
        return report.array();
    }

    /** An NTP timestamp for {@code millis} since some epoch on the sender's clock. */
    static long ntp(long millis) {
        long seconds = millis / 1000;
        long fraction = ((millis % 1000) << 32) / 1000;
        return (3_900_000_000L + seconds) << 32 | fraction;
    }

    public static byte[] description(long ssrc, String json) {
        byte[] text = json.getBytes(StandardCharsets.UTF_8);
        byte[] data = Arrays.copyOf(text, (text.length + 3) & ~3);
        Arrays.fill(data, text.length, data.length, (byte) ' ');
        ByteBuffer app = ByteBuffer.allocate(12 + data.length);
        app.put((byte) 0x80).put((byte) 204).putShort((short) ((12 + data.length) / 4 - 1)).putInt((int) ssrc)
                .put("TRCK".getBytes(StandardCharsets.US_ASCII)).put(data);
        return app.array();
    }

    public static String describe(String participant, String kind, long ssrc, int payloadType, String codec, int clockRate) {
        return "{\"participant\":\"" + participant + "\",\"kind\":\"" + kind + "\",\"ssrc\":" + ssrc
                + ",\"mid\":\"0\",\"simulcast\":false,\"screenShare\":false,\"active\":true,\"codecs\":[{\"payloadType\":"
                + payloadType + ",\"name\":\"" + codec + "\",\"clockRate\":" + clockRate + ",\"channels\":"
                + (codec.equals("opus") ? 2 : 1) + "}]}";
    }
}
