package org.telehealth.media.retransmission;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.LongSupplier;
import org.telehealth.media.rtcp.GenericNack;
import org.telehealth.media.rtp.MalformedRtpException;

/**
 * Answers one receiver's NACKs for one forwarded stream with the packets to send it. Which packets
 * the {@link NackResponder} decides (its bounds keep a receiver from turning the SFU into an
 * amplifier); how they go depends on what the receiver negotiated. If the stream has an RTX SSRC
 * and the receiver's codecs bind an RTX payload type to the packet's payload type, the packet goes
 * as RTX (RFC 4588) on that SSRC, numbered by this retransmitter's own {@link RtxPacketizer}: the
 * SFU, not the publisher, owns the RTX sequence a receiver sees. Otherwise the original packet goes
 * again unchanged, which a receiver without RTX takes for a late arrival.
 *
 * <p>One per receiver and stream, so resend limits and the RTX sequence are each receiver's own.
 * Thread-safe.
 */
public final class NackRetransmitter {

    /** A packet to encrypt and send to the receiver: an RTX packet, or the original again. */
    public record Retransmission(byte[] packet, boolean rtx) {
    }

    private static final int PAYLOAD_TYPE_MASK = 0x7F;

    private final RetransmissionSource source;
    private final NackResponder responder;
    private final OptionalLong rtxSsrc;
    private RtxPacketizer packetizer;

    /**
     * @param source the forwarded stream's packets, as the receiver got them
     * @param rtxSsrc the RTX SSRC the receiver was told of for this stream, if any
     * @param nanoTime a monotonic clock in nanoseconds, {@code System::nanoTime} outside tests
     */
    public NackRetransmitter(RetransmissionSource source, OptionalLong rtxSsrc, LongSupplier nanoTime) {
        if (rtxSsrc == null) {
            throw new IllegalArgumentException("rtxSsrc is null");
        }
        this.source = source;
        this.responder = new NackResponder(source, nanoTime);
        this.rtxSsrc = rtxSsrc;
    }

    /**
     * Whether this retransmitter answers from {@code stream} (an equal source) with RTX on
     * {@code rtx}: when not (the publisher came back, or renegotiated its RTX SSRC), the receiver
     * needs a new one.
     */
    public boolean serves(RetransmissionSource stream, OptionalLong rtx) {
        return source.equals(stream) && rtxSsrc.equals(rtx);
    }

    /**
     * The packets that answer {@code nack}, in the order it lists them.
     *
     * @param receiverPayloadTypes the RTX bindings of the receiver's section that receives the stream
     * @throws IllegalArgumentException if the NACK is about another stream than the buffer's
     */
    public synchronized List<Retransmission> respond(GenericNack nack, RtxPayloadTypes receiverPayloadTypes) {
        List<byte[]> originals = responder.respond(nack);
        List<Retransmission> packets = new ArrayList<>(originals.size());
        for (byte[] original : originals) {
            int rtxPayloadType = rtxSsrc.isPresent()
                    ? receiverPayloadTypes.rtxFor(original[1] & PAYLOAD_TYPE_MASK) : RtxPayloadTypes.NONE;
            if (rtxPayloadType == RtxPayloadTypes.NONE) {
                packets.add(new Retransmission(original, false));
                continue;
            }
            if (packetizer == null) {
                packetizer = new RtxPacketizer(rtxSsrc.getAsLong(), rtxPayloadType);
            }
            try {
                packets.add(new Retransmission(packetizer.packetize(original, 0, original.length, rtxPayloadType), true));
            } catch (MalformedRtpException e) {
                throw new IllegalStateException("the retransmission buffer held a packet that is not RTP", e);
            }
        }
        return packets;
    }
}
