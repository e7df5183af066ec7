package org.telehealth.recording.capture;

import java.io.ByteArrayOutputStream;
import java.util.function.Consumer;

/**
 * VP9 over RTP (RFC 9628): each packet starts with a payload descriptor; a layer frame runs from
 * the packet with the B bit to the one with the E bit. Only spatial layer 0 is kept (it decodes on
 * its own; a WebM track holds one picture size at a time), so an SVC stream records as its base
 * layer. A keyframe is a layer-0 frame that is not inter-picture predicted (P = 0); its size comes
 * from the scalability structure the sender puts on keyframes.
 *
 * <pre>
 *      +-+-+-+-+-+-+-+-+
 *      |I|P|L|F|B|E|V|Z| (REQUIRED)
 *      +-+-+-+-+-+-+-+-+
 * I:   |M| PICTURE ID  | (7 or 15 bits)
 * L:   | TID |U| SID |D| then TL0PICIDX if F = 0
 * F,P: | P_DIFF      |N| (up to 3)
 * V:   | N_S |Y|G|-|-|-| then N_S+1 x (WIDTH 16, HEIGHT 16) if Y, then N_G and groups if G
 * </pre>
 *
 * A frame missing a packet is dropped whole.
 */
public final class Vp9Depacketizer implements Depacketizer {

    private final ByteArrayOutputStream frame = new ByteArrayOutputStream();
    private boolean assembling;
    private long timestamp;
    private boolean keyframe;
    private int width;
    private int height;

    /** What the payload descriptor says. */
    private record Descriptor(int length, boolean predicted, boolean start, boolean end, int spatialLayer, int width,
            int height) {
    }

    @Override
    public void push(RtpPacket packet, boolean afterLoss, Consumer<EncodedFrame> frames) {
        Descriptor descriptor = descriptor(packet);
        if (descriptor == null) {
            assembling = false;
            return;
        }
        if (descriptor.spatialLayer() != 0) {
            return;
        }
        if (descriptor.start()) {
            assembling = true;
            frame.reset();
            timestamp = packet.timestamp();
            keyframe = !descriptor.predicted();
            width = descriptor.width();
            height = descriptor.height();
        } else if (!assembling || afterLoss || packet.timestamp() != timestamp) {
            assembling = false;
            return;
        }
        frame.write(packet.buffer(), packet.payloadOffset() + descriptor.length(),
                packet.payloadLength() - descriptor.length());
        if (descriptor.end() || packet.marker()) {
            frames.accept(new EncodedFrame(timestamp, frame.toByteArray(), keyframe, width, height));
            assembling = false;
        }
    }

    @Override
    public String codecId() {
        return "V_VP9";
    }

    /** The descriptor, or null if it runs past the payload. */
    private static Descriptor descriptor(RtpPacket packet) {
        int length = packet.payloadLength();
        if (length < 1) {
            return null;
        }
        int flags = packet.payloadByte(0);
        boolean pictureId = (flags & 0x80) != 0;
        boolean predicted = (flags & 0x40) != 0;
        boolean layers = (flags & 0x20) != 0;
        boolean flexible = (flags & 0x10) != 0;
        int position = 1;
        int spatialLayer = 0;
        int width = 0;
        int height = 0;
        if (pictureId) {
            if (position >= length) {
                return null;
            }
            position += (packet.payloadByte(position) & 0x80) != 0 ? 2 : 1;
        }
        if (layers) {
            if (position >= length) {
                return null;
            }
            spatialLayer = packet.payloadByte(position) >> 1 & 0x07;
            position += flexible ? 1 : 2;
        }
        if (flexible && predicted) {
            for (int i = 0; i < 3; i++) {
                if (position >= length) {
                    return null;
                }
                boolean more = (packet.payloadByte(position++) & 0x01) != 0;
                if (!more) {
                    break;
                }
            }
        }
        if ((flags & 0x02) != 0) {
            if (position >= length) {
                return null;
            }
            int ss = packet.payloadByte(position++);
            int spatialLayers = (ss >> 5) + 1;
            if ((ss & 0x10) != 0) {
                if (position + 4 * spatialLayers > length) {
                    return null;
                }
                width = packet.payloadByte(position) << 8 | packet.payloadByte(position + 1);
                height = packet.payloadByte(position + 2) << 8 | packet.payloadByte(position + 3);
                position += 4 * spatialLayers;
            }
            if ((ss & 0x08) != 0) {
                if (position >= length) {
                    return null;
                }
                int groups = packet.payloadByte(position++);
                for (int group = 0; group < groups; group++) {
                    if (position >= length) {
                        return null;
                    }
                    position += 1 + (packet.payloadByte(position) >> 2 & 0x03);
                }
            }
        }
        if (position >= length) {
            return null;
        }
        return new Descriptor(position, predicted, (flags & 0x08) != 0, (flags & 0x04) != 0, spatialLayer, width, height);
    }
}
