package org.telehealth.media.room;

import java.util.Optional;
import java.util.function.LongSupplier;
import org.telehealth.media.retransmission.RetransmissionBuffer;
import org.telehealth.media.retransmission.RetransmissionSource;
import org.telehealth.media.rtp.MalformedRtpException;
import org.telehealth.media.rtp.RtpPacket;
import org.telehealth.media.sdp.MediaKind;

/**
 * The packets of a video track sent whole as one receiver got them, to answer its NACKs: the
 * publisher's packet from the track's {@link RetransmissionBuffer}, written again for the receiver
 * by the {@link DownstreamPacketWriter} (its header extension ids and payload type numbers, the send
 * time of the resend). Equal to another made of the same buffer, ids, numbers and clock, so a
 * receiver keeps its retransmitter.
 */
record WholeTrackRetransmissions(RetransmissionBuffer buffer, ExtensionIds publisher, ExtensionIds receiver,
        PayloadTypes publisherNumbers, PayloadTypes receiverNumbers, LongSupplier nanoTime) implements RetransmissionSource {

    @Override
    public long ssrc() {
        return buffer.ssrc();
    }

    @Override
    public int capacity() {
        return buffer.capacity();
    }

    @Override
    public Optional<byte[]> find(int sequenceNumber) {
        return buffer.find(sequenceNumber).map(kept -> {
            try {
                RtpPacket original = RtpPacket.parse(kept, 0, kept.length);
                return DownstreamPacketWriter.writeBytes(original, MediaKind.VIDEO, publisher, receiver,
                        receiverNumbers.numberFor(original.payloadType(), publisherNumbers), nanoTime.getAsLong());
            } catch (MalformedRtpException e) {
                throw new IllegalStateException("the retransmission buffer held a packet that is not RTP", e);
            }
        });
    }
}
