package org.telehealth.recording.capture;

import java.util.function.Consumer;

/**
 * Opus over RTP (RFC 7587 §4.2): the payload of each packet is exactly one Opus packet, as the
 * encoder made it, stamped with the 48 kHz RTP clock whatever the sampling rate coded. Nothing to
 * reassemble; a lost packet is simply missing (the decoder conceals it). Empty payloads (DTX
 * keep-alives carry at least the TOC byte, so none should come) are skipped.
 */
public final class OpusDepacketizer implements Depacketizer {

    @Override
    public void push(RtpPacket packet, boolean afterLoss, Consumer<EncodedFrame> frames) {
        if (packet.payloadLength() > 0) {
            frames.accept(EncodedFrame.audio(packet.timestamp(), packet.payload()));
        }
    }

    @Override
    public String codecId() {
        return "A_OPUS";
    }
}
