package org.telehealth.media.room;

import java.util.Optional;
import java.util.function.LongSupplier;
import org.telehealth.media.retransmission.RetransmissionSource;
import org.telehealth.media.rtp.MalformedRtpException;
import org.telehealth.media.rtp.RtpPacket;
import org.telehealth.media.sdp.MediaKind;

/**
 * The packets of a simulcast track as one receiver got them, to answer its NACKs: the receiver's
 * {@link LayerSwitcher} turns the number it NACKs back into the layer and that layer's number, the
 * publisher's packet comes from that layer's buffer, and is written (the receiver's extension ids
 * and payload type numbers) and renumbered again exactly as it was the first time. Numbers from
 * runs the switcher no longer remembers, or packets the buffer no longer holds, are not resent.
 * Equal to another made of the same parts, so a receiver keeps its retransmitter.
 *
 * @param ssrc the SSRC the receiver knows the track by, which its NACKs name
 */
record SimulcastRetransmissions(long ssrc, LayerSwitcher switcher, Participant publisher, SimulcastLayers layers,
        ExtensionIds receiver, PayloadTypes receiverNumbers, LongSupplier nanoTime) implements RetransmissionSource {

    @Override
    public int capacity() {
        return PublishedVideoStream.BUFFER_CAPACITY;
    }

    @Override
    public Optional<byte[]> find(int sequenceNumber) {
        LayerSwitcher.Origin origin = switcher.original(sequenceNumber);
        long mediaSsrc = origin == null ? PublishedStream.NO_SSRC : layers.mediaSsrc(origin.layer());
        PublishedVideoStream stream = mediaSsrc == PublishedStream.NO_SSRC ? null : publisher.videoStream(mediaSsrc);
        if (stream == null) {
            return Optional.empty();
        }
        return stream.forwarded().find(origin.sequenceNumber()).map(kept -> {
            try {
                RtpPacket original = RtpPacket.parse(kept, 0, kept.length);
                byte[] copy = DownstreamPacketWriter.writeBytes(original, MediaKind.VIDEO,
                        publisher.negotiated().extensionIds(), receiver,
                        receiverNumbers.numberFor(original.payloadType(), publisher.payloadTypes()), nanoTime.getAsLong());
                switcher.rewrite(RtpPacket.parse(copy, 0, copy.length), publisher.payloadFormat(original.payloadType()),
                        origin.run());
                return copy;
            } catch (MalformedRtpException e) {
                throw new IllegalStateException("the retransmission buffer held a packet that is not RTP", e);
            }
        });
    }
}
