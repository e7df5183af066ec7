package org.telehealth.recording.capture;

import java.io.ByteArrayOutputStream;
import java.util.function.Consumer;

/**
 * VP8 over RTP (RFC 7741): each packet starts with a payload descriptor, after which come bytes of
 * one frame; a frame starts with the packet whose S bit is set and partition index is 0, and ends
 * with the packet that has the RTP marker bit, all its packets sharing one timestamp. A keyframe's
 * first bytes are its frame tag with the inverse key frame bit clear, then the start code
 * {@code 9d 01 2a} and the picture's width and height (RFC 6386 §9.1).
 *
 * <pre>
 *       0 1 2 3 4 5 6 7
 *      +-+-+-+-+-+-+-+-+
 *      |X|R|N|S|R| PID | (REQUIRED)
 *      +-+-+-+-+-+-+-+-+
 * X:   |I|L|T|K| RSV   | (OPTIONAL)
 *      +-+-+-+-+-+-+-+-+
 * I:   |M| PictureID   | (OPTIONAL, 7 or 15 bits)
 *      +-+-+-+-+-+-+-+-+
 * L:   |   TL0PICIDX   | (OPTIONAL)
 *      +-+-+-+-+-+-+-+-+
 * T/K: |TID|Y| KEYIDX  | (OPTIONAL)
 *      +-+-+-+-+-+-+-+-+
 * then the VP8 payload: |Size0|H| VER |P| ... with P = 0 for a keyframe
 * </pre>
 *
 * A frame missing a packet (a loss inside it, or its end never seen) is dropped whole.
 */
public final class Vp8Depacketizer implements Depacketizer {

    private final ByteArrayOutputStream frame = new ByteArrayOutputStream();
    private boolean assembling;
    private long timestamp;
    private boolean keyframe;
    private int width;
    private int height;
    private long framesDropped;

    @Override
    public void push(RtpPacket packet, boolean afterLoss, Consumer<EncodedFrame> frames) {
        int descriptor = descriptorLength(packet);
        if (descriptor < 0 || descriptor >= packet.payloadLength()) {
            dropFrame();
            return;
        }
        int first = packet.payloadByte(0);
        boolean start = (first & 0x10) != 0 && (first & 0x0F) == 0;
        if (start) {
            if (assembling) {
                dropFrame(); // its last packet never came
            }
            begin(packet, descriptor);
        } else if (!assembling || afterLoss || packet.timestamp() != timestamp) {
            dropFrame();
            return;
        }
        frame.write(packet.buffer(), packet.payloadOffset() + descriptor, packet.payloadLength() - descriptor);
        if (packet.marker()) {
            frames.accept(new EncodedFrame(timestamp, frame.toByteArray(), keyframe, width, height));
            assembling = false;
            frame.reset();
        }
    }

    /** Frames dropped because a packet of theirs was lost. */
    public long framesDropped() {
        return framesDropped;
    }

    @Override
    public String codecId() {
        return "V_VP8";
    }

    private void begin(RtpPacket packet, int descriptor) {
        assembling = true;
        frame.reset();
        timestamp = packet.timestamp();
        int vp8 = packet.payloadOffset() + descriptor;
        int available = packet.payloadLength() - descriptor;
        byte[] buffer = packet.buffer();
        keyframe = (buffer[vp8] & 0x01) == 0;
        width = 0;
        height = 0;
        if (keyframe && available >= 10 && (buffer[vp8 + 3] & 0xFF) == 0x9d && (buffer[vp8 + 4] & 0xFF) == 0x01
                && (buffer[vp8 + 5] & 0xFF) == 0x2a) {
            width = ((buffer[vp8 + 7] & 0xFF) << 8 | buffer[vp8 + 6] & 0xFF) & 0x3FFF;
            height = ((buffer[vp8 + 9] & 0xFF) << 8 | buffer[vp8 + 8] & 0xFF) & 0x3FFF;
        } else if (keyframe) {
            keyframe = false; // a keyframe bit without its start code: not a frame a decoder can start at
        }
    }

    private void dropFrame() {
        if (assembling) {
            framesDropped++;
        }
        assembling = false;
        frame.reset();
    }

    /** Bytes of the payload descriptor, or -1 if it runs past the payload. */
    static int descriptorLength(RtpPacket packet) {
        int length = packet.payloadLength();
        if (length < 1) {
            return -1;
        }
        int position = 1;
        if ((packet.payloadByte(0) & 0x80) != 0) {
            if (length < 2) {
                return -1;
            }
            int extension = packet.payloadByte(1);
            position = 2;
            if ((extension & 0x80) != 0) {
                if (position >= length) {
                    return -1;
                }
                position += (packet.payloadByte(position) & 0x80) != 0 ? 2 : 1;
            }
            if ((extension & 0x40) != 0) {
                position++;
            }
            if ((extension & 0x30) != 0) {
                position++;
            }
        }
        return position <= length ? position : -1;
    }
}
