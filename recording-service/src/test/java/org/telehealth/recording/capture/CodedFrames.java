package org.telehealth.recording.capture;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads the frames of the fixtures: IVF (VP8/VP9, 32-byte header, 12-byte frame headers) and Ogg Opus packets. */
public final class CodedFrames {

    /** A coded frame and when it is presented, in milliseconds. */
    public record Frame(long millis, byte[] data) {
    }

    private CodedFrames() {
    }

    public static List<Frame> ivf(Path file) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        int headerLength = bytes.getShort(6);
        long rate = bytes.getInt(16) & 0xFFFF_FFFFL;
        long scale = bytes.getInt(20) & 0xFFFF_FFFFL;
        bytes.position(headerLength);
        List<Frame> frames = new ArrayList<>();
        while (bytes.remaining() >= 12) {
            int size = bytes.getInt();
            long pts = bytes.getLong();
            byte[] data = new byte[size];
            bytes.get(data);
            frames.add(new Frame(pts * 1000 * scale / rate, data));
        }
        return frames;
    }

    /** The Opus packets of an Ogg Opus file (RFC 7845), headers skipped, 20 ms each as the fixture is made. */
    public static List<Frame> oggOpus(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        List<byte[]> packets = new ArrayList<>();
        java.io.ByteArrayOutputStream packet = new java.io.ByteArrayOutputStream();
        int position = 0;
        while (position + 27 <= bytes.length) {
            if (bytes[position] != 'O' || bytes[position + 1] != 'g' || bytes[position + 2] != 'g' || bytes[position + 3] != 'S') {
                throw new IOException("not an Ogg page at " + position);
            }
            int segments = bytes[position + 26] & 0xFF;
            int data = position + 27 + segments;
            for (int i = 0; i < segments; i++) {
                int lacing = bytes[position + 27 + i] & 0xFF;
                packet.write(bytes, data, lacing);
                data += lacing;
                if (lacing < 255) {
                    packets.add(packet.toByteArray());
                    packet.reset();
                }
            }
            position = data;
        }
        List<Frame> frames = new ArrayList<>();
        for (byte[] opus : packets.subList(2, packets.size())) {
            frames.add(new Frame(20L * frames.size(), Arrays.copyOf(opus, opus.length)));
        }
        return frames;
    }
}
