package org.telehealth.media.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.telehealth.media.room.SimulcastPackets.Frame.CONTINUATION;
import static org.telehealth.media.room.SimulcastPackets.Frame.DELTA_START;
import static org.telehealth.media.room.SimulcastPackets.Frame.KEYFRAME_START;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.telehealth.media.payload.VideoPayloadFormat;
import org.telehealth.media.rtcp.SenderReport;
import org.telehealth.media.rtp.RtpPacket;
import org.telehealth.media.rtp.RtpTimestamp;
import org.telehealth.media.sdp.MediaKind;

/** One receiver's layer switcher fed the packets of two layers of a VP8 simulcast track. */
class LayerSwitcherTest {

    private static final long TRACK_SSRC = 0x5F00_0001L;
    private static final long LOW = 0x1111_0010L;
    private static final long HIGH = 0x1111_0030L;
    private static final int VP8 = 96;
    private static final long MILLISECOND = 1_000_000L;
    private static final PublishedTrack TRACK = new PublishedTrack(MediaKind.VIDEO, TRACK_SSRC, OptionalLong.empty(),
            "doctor", "stream", "camera", "1", List.of("q", "f"), false);
    private static final PublishedStream LOW_STREAM = new PublishedStream(TRACK, 0, LOW, PublishedStream.NO_SSRC);
    private static final PublishedStream HIGH_STREAM = new PublishedStream(TRACK, 1, HIGH, PublishedStream.NO_SSRC);

    private final SimulcastLayers layers = new SimulcastLayers("1", List.of("q", "f"));
    private final LayerSwitcher switcher = new LayerSwitcher(TRACK_SSRC, 0);
    private long now = 50_000 * MILLISECOND;

    @Test
    void shouldForwardNothingUntilTheTargetLayerStartsAKeyframe() {
        assertThat(offer(LOW_STREAM, low(100, 9000, 10, DELTA_START))).isNull();
        assertThat(offer(HIGH_STREAM, high(5000, 700_000, 3000, KEYFRAME_START))).as("not the target").isNull();
        assertThat(switcher.awaitsKeyframe()).isTrue();

        RtpPacket first = offer(LOW_STREAM, low(101, 12_000, 11, KEYFRAME_START));

        assertThat(first.ssrc()).isEqualTo(TRACK_SSRC);
        assertThat(first.sequenceNumber()).isEqualTo(101);
        assertThat(first.timestamp()).isEqualTo(12_000);
        assertThat(switcher.selected()).isZero();
        assertThat(switcher.awaitsKeyframe()).isFalse();
    }

    @Test
    void shouldKeepForwardingTheSelectedLayerUntilTheTargetStartsAKeyframeAndGoOnWithoutAGap() {
        startOnLowLayer();
        switcher.target(1);

        assertThat(offer(HIGH_STREAM, high(5000, 700_000, 3000, DELTA_START))).isNull();
        RtpPacket stillLow = offer(LOW_STREAM, low(103, 15_000, 12, DELTA_START));
        assertThat(stillLow.sequenceNumber()).isEqualTo(103);
        now += 33 * MILLISECOND;

        RtpPacket keyframe = offer(HIGH_STREAM, high(5001, 703_000, 3001, KEYFRAME_START));
        RtpPacket next = offer(HIGH_STREAM, high(5002, 703_000, 3001, CONTINUATION));
        assertThat(offer(LOW_STREAM, low(104, 18_000, 13, DELTA_START))).as("the old layer, after the switch").isNull();

        assertThat(keyframe.ssrc()).isEqualTo(TRACK_SSRC);
        assertThat(List.of(keyframe.sequenceNumber(), next.sequenceNumber())).containsExactly(104, 105);
        assertThat(keyframe.timestamp()).isEqualTo(15_000 + 33 * 90);
        assertThat(next.timestamp()).isEqualTo(keyframe.timestamp());
        assertThat(SimulcastPackets.pictureId(keyframe)).isEqualTo(13);
        assertThat(SimulcastPackets.tl0PicIdx(keyframe)).isEqualTo(8);
        assertThat(switcher.selected()).isEqualTo(1);
    }

    @Test
    void shouldKeepPictureIdsContinuousAcrossTheirWrapAndTheNewLayersOwn() {
        switcher.target(0);
        offer(LOW_STREAM, low(100, 9000, 0x7FFF, KEYFRAME_START));
        switcher.target(1);

        RtpPacket keyframe = offer(HIGH_STREAM, high(60_000, 5, 42, KEYFRAME_START));
        RtpPacket delta = offer(HIGH_STREAM, high(60_001, 3005, 43, DELTA_START));

        assertThat(SimulcastPackets.pictureId(keyframe)).isZero();
        assertThat(SimulcastPackets.pictureId(delta)).isEqualTo(1);
    }

    @Test
    void shouldTurnANackedNumberBackIntoTheLayerPacketItWas() {
        startOnLowLayer();
        switcher.target(1);
        offer(HIGH_STREAM, high(5001, 703_000, 3001, KEYFRAME_START));
        offer(HIGH_STREAM, high(5002, 703_000, 3001, CONTINUATION));

        assertThat(switcher.original(102)).isEqualTo(new LayerSwitcher.Origin(0, 0, 102));
        assertThat(switcher.original(104)).isEqualTo(new LayerSwitcher.Origin(1, 1, 5002));
        assertThat(switcher.original(105)).isNull();
    }

    @Test
    void shouldRenumberARetransmittedPacketAsItWasTheFirstTime() {
        startOnLowLayer();
        switcher.target(1);
        RtpPacket sent = offer(HIGH_STREAM, high(5001, 703_000, 3001, KEYFRAME_START));
        offer(HIGH_STREAM, high(5002, 703_000, 3001, CONTINUATION));

        LayerSwitcher.Origin origin = switcher.original(sent.sequenceNumber());
        RtpPacket again = SimulcastPackets.parse(high(origin.sequenceNumber(), 703_000, 3001, KEYFRAME_START));
        switcher.rewrite(again, VideoPayloadFormat.VP8, origin.run());

        assertThat(again.buffer()).isEqualTo(sent.buffer());
    }

    @Test
    void shouldRewriteTheSenderReportOfTheSelectedLayerOntoTheReceiversClockOnly() {
        startOnLowLayer();
        switcher.target(1);
        now += 33 * MILLISECOND;
        offer(HIGH_STREAM, high(5001, 703_000, 3001, KEYFRAME_START));
        SenderReport highReport = new SenderReport(HIGH, 0xE8A1_0000_0000_0000L, 700_000, 40, 40_000, List.of());

        SenderReport rewritten = switcher.senderReport(1, highReport);

        long offset = RtpTimestamp.difference(12_000 + 33 * 90, 703_000);
        assertThat(rewritten.senderSsrc()).isEqualTo(TRACK_SSRC);
        assertThat(rewritten.ntpTimestamp()).isEqualTo(highReport.ntpTimestamp());
        assertThat(rewritten.rtpTimestamp()).isEqualTo(RtpTimestamp.add(700_000, offset));
        assertThat(rewritten.packetCount()).isEqualTo(4);
        assertThat(switcher.senderReport(0, new SenderReport(LOW, 1, 2, 3, 4, List.of()))).isNull();
    }

    @Test
    void shouldAlignTheNewLayerByTheSenderReportsOfBoth() {
        layers.onSenderReport(0, new SenderReport(LOW, 0xE8A1_0000_0000_0000L, 9000, 1, 1, List.of()));
        layers.onSenderReport(1, new SenderReport(HIGH, 0xE8A1_0000_0000_0000L, 700_000, 1, 1, List.of()));
        startOnLowLayer();
        switcher.target(1);
        now += 40 * MILLISECOND;

        RtpPacket keyframe = offer(HIGH_STREAM, high(5001, 709_000, 3001, KEYFRAME_START));

        assertThat(keyframe.timestamp()).as("700 000 is 9000 on the low layer's clock").isEqualTo(18_000);
    }

    /** The low layer starts with a keyframe at 100 (ts 9000, picture id 10, TL0PICIDX 7); 101 and 102 follow. */
    private void startOnLowLayer() {
        offer(LOW_STREAM, low(100, 9000, 10, KEYFRAME_START));
        offer(LOW_STREAM, low(101, 9000, 10, CONTINUATION));
        offer(LOW_STREAM, low(102, 12_000, 11, DELTA_START));
    }

    /** The receiver's copy of the packet if the switcher lets it through, else null. */
    private RtpPacket offer(PublishedStream stream, byte[] packet) {
        RtpPacket rtp = SimulcastPackets.parse(packet);
        if (!switcher.accept(stream, layers, rtp, VideoPayloadFormat.VP8, now)) {
            return null;
        }
        RtpPacket copy = SimulcastPackets.parse(packet.clone());
        switcher.rewrite(copy, VideoPayloadFormat.VP8);
        return copy;
    }

    private static byte[] low(int sequenceNumber, long timestamp, int pictureId, SimulcastPackets.Frame frame) {
        return SimulcastPackets.vp8(LOW, VP8, sequenceNumber, timestamp, pictureId, 7, frame);
    }

    private static byte[] high(int sequenceNumber, long timestamp, int pictureId, SimulcastPackets.Frame frame) {
        return SimulcastPackets.vp8(HIGH, VP8, sequenceNumber, timestamp, pictureId, 50, frame);
    }
}
