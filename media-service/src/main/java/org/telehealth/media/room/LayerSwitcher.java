package org.telehealth.media.room;

import java.util.List;
import org.telehealth.media.payload.VideoPayloadFormat;
import org.telehealth.media.rtcp.SenderReport;
import org.telehealth.media.rtp.RtpPacket;
import org.telehealth.media.rtp.RtpTimestamp;

/**
 * Turns the layers of one simulcast track into the one stream one receiver gets. It forwards the
 * packets of one layer only, the selected one; when the {@link LayerSelector} sets another target,
 * it keeps forwarding the selected layer until the target layer starts a keyframe (the only
 * place a decoder can pick up a new layer) and switches there, between two packets. Every packet it
 * lets through is renumbered for the receiver: the track's SSRC, one sequence of numbers
 * ({@link SequenceNumberRewriter}), one clock ({@link TimestampRewriter}), one series of VP8/VP9
 * picture ids ({@link PictureIdRewriter}), so the receiving browser sees one continuous stream
 * whatever the layer. Its NACKs are turned back into the layer packets they ask for
 * ({@link #original}), and the publisher's sender reports of the selected layer onto the
 * receiver's clock ({@link #senderReport}).
 *
 * <pre>
 *            target f ─┐
 * layer q ──┐          ▼
 * layer h ──┼─► forward the selected layer; a keyframe of the target ──► rewrite SSRC, sequence,
 * layer f ──┘   layer makes it the selected one                           timestamp, picture id
 * </pre>
 *
 * <p>One per receiver and simulcast track, kept by the receiving {@link Participant}. The media
 * thread forwards through it, the feedback timer sets targets, the stats API reads the layers.
 */
final class LayerSwitcher {

    static final int NO_LAYER = -1;

    private static final int RUNS = SequenceNumberRewriter.REMEMBERED_RUNS;

    private final long ssrc;
    private final SequenceNumberRewriter sequenceNumbers = new SequenceNumberRewriter();
    private final TimestampRewriter timestamps = new TimestampRewriter();
    private final PictureIdRewriter pictureIds = new PictureIdRewriter();
    private final int[] runLayers = new int[RUNS];
    private final long[] runTimestampOffsets = new long[RUNS];
    private final int[] runPictureIdOffsets = new int[RUNS];
    private final int[] runTl0PicIdxOffsets = new int[RUNS];
    private volatile int target;
    private volatile int selected = NO_LAYER;
    private long packetsSent;
    private long octetsSent;

    /**
     * @param ssrc the SSRC the receiver knows the track by
     * @param initialTarget the layer to start with
     */
    LayerSwitcher(long ssrc, int initialTarget) {
        this.ssrc = ssrc;
        this.target = initialTarget;
    }

    long ssrc() {
        return ssrc;
    }

    /** The layer forwarded now, or {@link #NO_LAYER} before the first keyframe. */
    int selected() {
        return selected;
    }

    /** The layer to forward, once it starts a keyframe. */
    int target() {
        return target;
    }

    /** Sets the layer to switch to at its next keyframe. */
    void target(int layer) {
        if (layer < 0) {
            throw new IllegalArgumentException("layer " + layer + " is negative");
        }
        target = layer;
    }

    /** Whether the switcher waits for a keyframe of the target layer: the publisher should be asked for one. */
    boolean awaitsKeyframe() {
        return target != selected;
    }

    /**
     * Whether {@code rtp}, a packet of {@code stream} (a layer of the track) in payload format
     * {@code format}, goes to the receiver; switches to the target layer if the packet starts its
     * keyframe. A packet that goes must then be {@link #rewrite rewritten} in the receiver's copy.
     * Runs per packet and receiver.
     */
    synchronized boolean accept(PublishedStream stream, SimulcastLayers layers, RtpPacket rtp, VideoPayloadFormat format,
            long nowNanos) {
        int layer = stream.layer();
        if (layer == target && layer != selected
                && format.startsKeyframe(rtp.buffer(), rtp.payloadOffset(), rtp.payloadLength())) {
            switchTo(layer, layers, rtp, format, nowNanos);
        } else if (layer != selected || !sequenceNumbers.accept(rtp.sequenceNumber())) {
            return false;
        }
        if (sequenceNumbers.isNewest(rtp.sequenceNumber())) {
            timestamps.onForwarded(rtp.timestamp(), nowNanos);
            pictureIds.onNewest(rtp.buffer(), rtp.payloadOffset(), rtp.payloadLength(), format);
        }
        packetsSent++;
        octetsSent += rtp.payloadLength();
        return true;
    }

    /** Renumbers the receiver's copy of the packet just {@link #accept accepted}, in place. */
    synchronized void rewrite(RtpPacket copy, VideoPayloadFormat format) {
        rewrite(copy, format, sequenceNumbers.currentRun());
    }

    /**
     * Renumbers the receiver's copy of a packet of run {@code run} (a retransmission), in place, as
     * the packet was renumbered when it was first sent.
     */
    synchronized void rewrite(RtpPacket copy, VideoPayloadFormat format, int run) {
        int slot = run % RUNS;
        copy.setSsrc(ssrc);
        copy.setSequenceNumber((copy.sequenceNumber() + sequenceNumbers.offset(run)) & 0xFFFF);
        copy.setTimestamp(RtpTimestamp.add(copy.timestamp(), runTimestampOffsets[slot]));
        PictureIdRewriter.rewrite(copy.buffer(), copy.payloadOffset(), copy.payloadLength(), format,
                runPictureIdOffsets[slot], runTl0PicIdxOffsets[slot]);
    }

    /** The run and layer packet behind number {@code sequenceNumber} the receiver got (it NACKs it), or null. */
    synchronized Origin original(int sequenceNumber) {
        SequenceNumberRewriter.Origin origin = sequenceNumbers.original(sequenceNumber);
        return origin == null ? null : new Origin(origin.run(), runLayers[origin.run() % RUNS], origin.sequenceNumber());
    }

    /**
     * The publisher's sender report of layer {@code layer} as this receiver needs it: the track's
     * SSRC, the RTP timestamp on the receiver's clock, the packets and payload bytes sent to the
     * receiver, no report blocks; null unless that layer is the one forwarded.
     */
    synchronized SenderReport senderReport(int layer, SenderReport report) {
        if (layer != selected) {
            return null;
        }
        return new SenderReport(ssrc, report.ntpTimestamp(), RtpTimestamp.add(report.rtpTimestamp(), timestamps.offset()),
                packetsSent & 0xFFFF_FFFFL, octetsSent & 0xFFFF_FFFFL, List.of());
    }

    private void switchTo(int layer, SimulcastLayers layers, RtpPacket keyframe, VideoPayloadFormat format, long nowNanos) {
        SenderReport previous = selected == NO_LAYER || layers == null ? null : layers.latestSenderReport(selected);
        SenderReport next = layers == null ? null : layers.latestSenderReport(layer);
        int run = sequenceNumbers.startRun(keyframe.sequenceNumber());
        long timestampOffset = timestamps.startRun(keyframe.timestamp(), nowNanos, previous, next);
        pictureIds.startRun(keyframe.buffer(), keyframe.payloadOffset(), keyframe.payloadLength(), format);
        int slot = run % RUNS;
        runLayers[slot] = layer;
        runTimestampOffsets[slot] = timestampOffset;
        runPictureIdOffsets[slot] = pictureIds.pictureIdOffset();
        runTl0PicIdxOffsets[slot] = pictureIds.tl0PicIdxOffset();
        selected = layer;
    }

    /** Where a packet the receiver got came from: the run it was sent in, the layer, the layer's sequence number. */
    record Origin(int run, int layer, int sequenceNumber) {
    }
}
