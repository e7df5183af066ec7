package org.telehealth.media.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.telehealth.media.room.SimulcastPackets.Frame.DELTA_START;
import static org.telehealth.media.room.SimulcastPackets.Frame.KEYFRAME_START;
import static org.telehealth.media.room.SimulcastPackets.element;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telehealth.media.rtcp.PictureLossIndication;
import org.telehealth.media.rtcp.RtcpPacket;
import org.telehealth.media.rtcp.SenderReport;
import org.telehealth.media.rtp.RtpPacket;
import org.telehealth.media.sdp.Codec;
import org.telehealth.media.sdp.MediaKind;
import org.telehealth.media.srtp.SrtpPacketBuffer;

/**
 * A doctor publishes a VP8 camera in three simulcast layers (q, h, f) while the visit is recorded:
 * the fork forwards the highest layer sent, on the track's SSRC, and steps down when it stops.
 */
class RecordingForkSimulcastTest {

    private static final long TRACK_SSRC = 0x5F00_0001L;
    private static final long[] LAYERS = {0x1111_0010L, 0x1111_0020L, 0x1111_0030L};
    private static final String[] RIDS = {"q", "h", "f"};
    private static final int VP8 = 96;
    private static final int MID = 4;
    private static final int RID = 10;
    private static final long MILLISECOND = TimeUnit.MILLISECONDS.toNanos(1);
    private static final PublishedTrack CAMERA = new PublishedTrack(MediaKind.VIDEO, TRACK_SSRC, OptionalLong.of(0x5F00_0002L),
            "doctor", "doctor-stream", "camera", "1", List.of(RIDS), false);
    private static final Map<String, List<Codec>> CODECS = Map.of("1",
            List.of(DoctorAndPatient.VP8_CODEC, DoctorAndPatient.VP8_RTX_CODEC));
    private static final ExtensionIds CHROME = new ExtensionIds(MID, RID, 11, 2, 1);

    private final Room room = new Room("visit");
    private final Participant doctor = new Participant("doctor", room, null);
    private final RecordingOutput output = new RecordingOutput();
    private final ForkPackets fork = new ForkPackets();
    private long now = 10_000 * MILLISECOND;
    private final Forwarder forwarder = new Forwarder(session -> null, output, () -> now);
    private final int[] sequenceNumbers = {1000, 20_000, 65_534};

    @BeforeEach
    void doctorPublishesWhileRecorded() {
        room.add(doctor);
        doctor.negotiated(new Participant.Negotiated(List.of(CAMERA), Map.of(), CHROME, CODECS, OptionalInt.empty()));
        forwarder.startRecording(room, "127.0.0.1", new InetSocketAddress("127.0.0.1", 5004), address -> fork);
    }

    @Test
    void shouldForwardTheHighestLayerOnlyOnTheTracksSsrcFromItsKeyframe() {
        sendLayers(DELTA_START, 0, 1, 2);
        assertThat(fork.rtp()).as("no keyframe of f yet").isEmpty();

        sendLayers(KEYFRAME_START, 0, 1, 2);
        sendLayers(DELTA_START, 0, 1, 2);

        List<RtpPacket> forked = fork.rtp();
        assertThat(forked).extracting(RtpPacket::ssrc).containsOnly(TRACK_SSRC);
        assertThat(forked).extracting(RtpPacket::sequenceNumber).containsExactly(65_535, 0);
        assertThat(forked).noneMatch(RtpPacket::hasHeaderExtension);
        assertThat(fork.descriptions()).first().satisfies(d -> {
            assertThat(d.path("ssrc").asLong()).isEqualTo(TRACK_SSRC);
            assertThat(d.path("simulcast").asBoolean()).isTrue();
        });
        assertThat(plisToDoctor()).as("the fork asked for a keyframe of f while it waited").contains(LAYERS[2]);
    }

    @Test
    void shouldStepDownToTheNextLayerWhenTheHighestStopsAndContinueTheSequence() {
        sendLayers(KEYFRAME_START, 0, 1, 2);
        int lastOfF = fork.rtp().get(fork.rtp().size() - 1).sequenceNumber();
        for (int i = 0; i < 12; i++) {
            sendLayers(DELTA_START, 0, 1);
            forwarder.tickRecording(room);
        }
        assertThat(plisToDoctor()).as("a keyframe of h is asked for").contains(LAYERS[1]);
        fork.clear();

        sendLayers(KEYFRAME_START, 0, 1);

        assertThat(fork.rtp()).singleElement().satisfies(packet -> {
            assertThat(packet.ssrc()).isEqualTo(TRACK_SSRC);
            assertThat(packet.sequenceNumber()).isEqualTo((lastOfF + 1) & 0xFFFF);
        });
    }

    @Test
    void shouldRelayOnlyTheForwardedLayersSenderReportsOnTheTracksSsrc() {
        sendLayers(KEYFRAME_START, 0, 1, 2);
        fork.clear();

        forwarder.accept(doctor, buffer(RtcpPacket.toCompoundBytes(
                List.of(new SenderReport(LAYERS[0], 0x1000_0000_0000L, 500, 1, 10, List.of())))), true);
        forwarder.accept(doctor, buffer(RtcpPacket.toCompoundBytes(
                List.of(new SenderReport(LAYERS[2], 0x1000_0000_0000L, 270_000, 1, 10, List.of())))), true);

        List<SenderReport> reports = fork.rtcp().stream().filter(SenderReport.class::isInstance).map(SenderReport.class::cast).toList();
        assertThat(reports).singleElement().satisfies(report -> {
            assertThat(report.senderSsrc()).isEqualTo(TRACK_SSRC);
            assertThat(report.ntpTimestamp()).isEqualTo(0x1000_0000_0000L);
            assertThat(report.rtpTimestamp()).as("the first run keeps f's clock").isEqualTo(270_000);
        });
    }

    private void sendLayers(SimulcastPackets.Frame frame, int... layers) {
        now += 100 * MILLISECOND;
        for (int layer : layers) {
            int sequenceNumber = sequenceNumbers[layer];
            sequenceNumbers[layer] = (sequenceNumber + 1) & 0xFFFF;
            long timestamp = (90_000L * (layer + 1) + 9000L * sequenceNumber) & 0xFFFF_FFFFL;
            byte[] packet = SimulcastPackets.vp8(LAYERS[layer], VP8, sequenceNumber, timestamp, sequenceNumber & 0x7FFF, 5,
                    frame, element(MID, "1"), element(RID, RIDS[layer]));
            forwarder.accept(doctor, buffer(packet), false);
        }
    }

    private List<Long> plisToDoctor() {
        return output.rtcpTo(doctor).stream().flatMap(List::stream)
                .filter(PictureLossIndication.class::isInstance).map(p -> ((PictureLossIndication) p).mediaSsrc()).toList();
    }

    private static SrtpPacketBuffer buffer(byte[] packet) {
        return SrtpPacketBuffer.copyOf(packet, 0, packet.length);
    }
}
