package org.telehealth.media.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.telehealth.media.room.SimulcastPackets.Frame.DELTA_START;
import static org.telehealth.media.room.SimulcastPackets.Frame.KEYFRAME_START;
import static org.telehealth.media.room.SimulcastPackets.element;
import static org.telehealth.media.room.SimulcastPackets.parse;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telehealth.media.dtls.DtlsIdentity;
import org.telehealth.media.retransmission.RtxUnwrapper;
import org.telehealth.media.rtcp.GenericNack;
import org.telehealth.media.rtcp.PictureLossIndication;
import org.telehealth.media.rtcp.ReceiverEstimatedMaxBitrate;
import org.telehealth.media.rtcp.ReceiverReport;
import org.telehealth.media.rtcp.RtcpPacket;
import org.telehealth.media.rtcp.SenderReport;
import org.telehealth.media.rtcp.SourceDescription;
import org.telehealth.media.rtp.AbsSendTimeExtension;
import org.telehealth.media.rtp.RtpPacket;
import org.telehealth.media.sdp.Codec;
import org.telehealth.media.sdp.MediaKind;
import org.telehealth.media.session.MediaSession;
import org.telehealth.media.srtp.SrtpPacketBuffer;

/**
 * A doctor publishes a VP8 camera in three simulcast layers announced by rid only (q, h, f) and a
 * microphone; a patient receives both. Packets go through the real forwarder, on a clock the test
 * moves; what leaves it is recorded.
 */
class ForwarderSimulcastTest {

    private static final long TRACK_SSRC = 0x5F00_0001L;
    private static final long TRACK_RTX = 0x5F00_0002L;
    private static final long[] LAYERS = {0x1111_0010L, 0x1111_0020L, 0x1111_0030L};
    private static final long Q_RTX = 0x1111_0011L;
    private static final long MICROPHONE = DoctorAndPatient.MICROPHONE;
    private static final long PATIENT_SSRC = 0x2222_0001L;
    private static final int VP8 = 96;
    private static final int VP8_RTX = 97;
    private static final int MID = 4;
    private static final int RID = 10;
    private static final int REPAIRED_RID = 11;
    private static final int ABS_SEND_TIME = 2;
    private static final String[] RIDS = {"q", "h", "f"};
    private static final long MILLISECOND = TimeUnit.MILLISECONDS.toNanos(1);

    private static final PublishedTrack CAMERA = new PublishedTrack(MediaKind.VIDEO, TRACK_SSRC, OptionalLong.of(TRACK_RTX),
            "doctor", "doctor-stream", "camera", "1", List.of(RIDS), false);
    private static final Map<String, List<Codec>> CODECS = Map.of("0", List.of(DoctorAndPatient.OPUS_CODEC),
            "1", List.of(DoctorAndPatient.VP8_CODEC, DoctorAndPatient.VP8_RTX_CODEC));
    private static final ExtensionIds CHROME = new ExtensionIds(MID, RID, REPAIRED_RID, ABS_SEND_TIME, 1);

    private final Room room = new Room("visit");
    private final Participant doctor = new Participant("doctor", room, null);
    private final Participant patient = new Participant("patient", room, null);
    private final RecordingOutput output = new RecordingOutput();
    private long now = 10_000 * MILLISECOND;
    private final Forwarder forwarder = new Forwarder(session -> null, output, () -> now);
    private final int[] sequenceNumbers = {1000, 20_000, 65_530};
    private final int[] pictureIds = {100, 2000, 30_000};

    @BeforeEach
    void doctorPublishesToPatient() {
        room.add(doctor);
        room.add(patient);
        doctor.negotiated(new Participant.Negotiated(List.of(DoctorAndPatient.MICROPHONE_TRACK, CAMERA), Map.of(), CHROME,
                CODECS, OptionalInt.empty()));
        patient.negotiated(new Participant.Negotiated(List.of(), Map.of("0", DoctorAndPatient.MICROPHONE_TRACK, "1", CAMERA),
                CHROME, CODECS));
    }

    @Test
    void shouldLearnEachLayersSsrcFromItsRidAndForwardTheSelectedLayerOnTheTracksSsrc() {
        sendAllLayers(KEYFRAME_START);
        assertThat(doctor.publishedStreams()).extracting(PublishedStream::ssrc)
                .containsExactly(MICROPHONE, LAYERS[0], LAYERS[1], LAYERS[2]);
        assertThat(rtpTo(patient)).as("no layer chosen yet").isEmpty();

        forwarder.selectLayers(patient);
        assertThat(plisTo(doctor)).as("a new receiver starts on the middle layer").containsExactly(LAYERS[1]);
        sendAllLayers(KEYFRAME_START);

        RtpPacket forwarded = parse(single(rtpTo(patient)));
        assertThat(forwarded.ssrc()).isEqualTo(TRACK_SSRC);
        assertThat(forwarded.sequenceNumber()).isEqualTo(20_001);
        assertThat(forwarded.findHeaderExtension(RID)).isEqualTo(RtpPacket.NOT_FOUND);
        assertThat(new AbsSendTimeExtension(ABS_SEND_TIME).read(forwarded)).isEqualTo(AbsSendTimeExtension.fromNanos(now));
        assertThat(patient.selectedLayer(TRACK_SSRC)).isEqualTo("h");
        assertThat(patient.targetLayer(TRACK_SSRC)).isEqualTo("h");
    }

    @Test
    void shouldAskForTheFirstLayersKeyframeOnlyOnceTheReceiversMediaIsConnected() {
        Participant joining = new Participant("joining", room,
                new MediaSession("visit/joining", DtlsIdentity.generate(Duration.ofDays(1)), Runnable::run, (data, offset, length, to) -> { }));
        room.add(joining);
        joining.negotiated(new Participant.Negotiated(List.of(), Map.of("0", DoctorAndPatient.MICROPHONE_TRACK, "1", CAMERA),
                CHROME, CODECS));
        sendAllLayers(KEYFRAME_START);

        forwarder.selectLayers(joining);
        assertThat(joining.targetLayer(TRACK_SSRC)).isEqualTo("h");
        assertThat(plisTo(doctor)).as("a keyframe sent now could not reach the receiver, whose DTLS is not done").isEmpty();

        forwarder.requestKeyframes(joining); // what its media connecting does
        assertThat(plisTo(doctor)).as("the layer it waits for").containsExactly(LAYERS[1]);
    }

    @Test
    void shouldClimbToTheTopLayerAfterTheHoldTimeAtItsKeyframeWithoutAGapInTheSequence() {
        startOnMiddleLayer();
        output.clear();

        forwarder.selectLayers(patient);
        for (long held = 0; held < LayerSelector.BASE_HOLD_NANOS; held += 100 * MILLISECOND) {
            sendAllLayers(DELTA_START); // the publisher goes on sending every layer meanwhile
            forwarder.selectLayers(patient);
        }
        assertThat(plisTo(doctor)).containsExactly(LAYERS[2]);
        int lastSent = parse(last(rtpTo(patient))).sequenceNumber();
        output.clear();
        sendAllLayers(KEYFRAME_START);

        // the middle layer's frame (sent before the top one's), then the top layer's keyframe, one sequence
        List<RtpPacket> sent = rtpTo(patient).stream().map(SimulcastPackets::parse).toList();
        assertThat(sent).extracting(RtpPacket::sequenceNumber).containsExactly((lastSent + 1) & 0xFFFF, (lastSent + 2) & 0xFFFF);
        assertThat(sent).extracting(RtpPacket::ssrc).containsOnly(TRACK_SSRC);
        assertThat(patient.selectedLayer(TRACK_SSRC)).isEqualTo("f");
    }

    @Test
    void shouldLearnTheRtxSsrcFromTheRepairedRidAndNothingFromUnknownRidsOrSsrcsInUse() throws Exception {
        sendAllLayers(KEYFRAME_START);
        forwarder.accept(doctor, buffer(SimulcastPackets.vp8(Q_RTX, VP8_RTX, 1, 0, 0, 0, DELTA_START,
                element(MID, "1"), element(REPAIRED_RID, "q"))), false);
        forwarder.accept(doctor, buffer(layerPacket(0x7777_0001L, "x", 1, DELTA_START)), false);
        forwarder.accept(doctor, buffer(layerPacket(0x7777_0002L, "q", 1, DELTA_START)), false);
        forwarder.accept(doctor, buffer(layerPacket(MICROPHONE, "h", 1, DELTA_START)), false);

        assertThat(doctor.publishedStream(Q_RTX)).isEqualTo(new PublishedStream(CAMERA, 0, LAYERS[0], Q_RTX));
        assertThat(doctor.publishedStream(0x7777_0001L)).isNull();
        assertThat(doctor.publishedStream(0x7777_0002L)).as("q is learned already").isNull();
        assertThat(doctor.publishedStream(MICROPHONE).track()).isEqualTo(DoctorAndPatient.MICROPHONE_TRACK);
        assertThat(forwarder.packetsOfUnknownStreams()).isEqualTo(2);
    }

    @Test
    void shouldLearnALayerFromItsRidAloneOnlyWhereOneSimulcastTrackHasThatRid() {
        PublishedTrack screen = new PublishedTrack(MediaKind.VIDEO, 0x5F00_0003L, OptionalLong.empty(), "doctor",
                "doctor-stream", "screen", "2", List.of(RIDS), true);
        byte[] withoutMid = SimulcastPackets.vp8(LAYERS[0], VP8, 1, 0, 0, 0, KEYFRAME_START, element(RID, "q"));

        doctor.negotiated(new Participant.Negotiated(List.of(CAMERA, screen), Map.of(), CHROME, CODECS));
        forwarder.accept(doctor, buffer(withoutMid), false);
        assertThat(doctor.publishedStream(LAYERS[0])).as("camera or screen?").isNull();

        doctor.negotiated(new Participant.Negotiated(List.of(CAMERA), Map.of(), CHROME, CODECS));
        forwarder.accept(doctor, buffer(withoutMid), false);
        assertThat(doctor.publishedStream(LAYERS[0])).isEqualTo(new PublishedStream(CAMERA, 0, LAYERS[0], PublishedStream.NO_SSRC));
    }

    @Test
    void shouldKeepTheLearnedLayersOverARenegotiationThatKeepsTheRidsOnly() {
        sendAllLayers(KEYFRAME_START);

        doctor.negotiated(new Participant.Negotiated(List.of(CAMERA), Map.of(), CHROME, CODECS));
        assertThat(doctor.publishedStream(LAYERS[1])).isNotNull();

        PublishedTrack twoLayers = new PublishedTrack(MediaKind.VIDEO, TRACK_SSRC, OptionalLong.of(TRACK_RTX), "doctor",
                "doctor-stream", "camera", "1", List.of("q", "h"), false);
        doctor.negotiated(new Participant.Negotiated(List.of(twoLayers), Map.of(), CHROME, CODECS));
        assertThat(doctor.publishedStreams()).isEmpty();
    }

    @Test
    void shouldSwitchDownWhenTheReceiveLimitFallsAtTheLowLayersKeyframeWithoutAGapInTheSequence() {
        startOnMiddleLayer();
        sendAllLayers(DELTA_START);
        int lastSent = parse(last(rtpTo(patient))).sequenceNumber();
        output.clear();

        patient.bandwidth().limit(OptionalLong.of(1));
        forwarder.selectLayers(patient);
        assertThat(plisTo(doctor)).containsExactly(LAYERS[0]);
        sendAllLayers(DELTA_START);
        assertThat(rtpTo(patient)).as("the middle layer goes on until the low one's keyframe").hasSize(1);
        sendAllLayers(KEYFRAME_START);

        List<RtpPacket> sent = rtpTo(patient).stream().map(SimulcastPackets::parse).toList();
        assertThat(sent).extracting(RtpPacket::sequenceNumber).containsExactly((lastSent + 1) & 0xFFFF, (lastSent + 2) & 0xFFFF);
        assertThat(sent).extracting(RtpPacket::ssrc).containsOnly(TRACK_SSRC);
        assertThat(SimulcastPackets.pictureId(sent.get(1))).isEqualTo((SimulcastPackets.pictureId(sent.get(0)) + 1) & 0x7FFF);
        assertThat(patient.selectedLayer(TRACK_SSRC)).isEqualTo("q");
    }

    @Test
    void shouldAnswerANackOfARenumberedPacketWithTheLayerPacketRenumberedAgainAsRtx() throws Exception {
        startOnMiddleLayer();
        sendAllLayers(DELTA_START);
        byte[] lost = last(rtpTo(patient));
        output.clear();

        forwarder.accept(patient, buffer(RtcpPacket.toCompoundBytes(List.of(new ReceiverReport(PATIENT_SSRC, List.of()),
                new GenericNack(PATIENT_SSRC, TRACK_SSRC, List.of(parse(lost).sequenceNumber()))))), true);

        RtpPacket rtx = parse(single(rtpTo(patient)));
        assertThat(rtx.ssrc()).isEqualTo(TRACK_RTX);
        RtpPacket original = parse(new RtxUnwrapper(TRACK_SSRC).unwrap(rtx, VP8));
        assertThat(original.sequenceNumber()).isEqualTo(parse(lost).sequenceNumber());
        assertThat(original.timestamp()).isEqualTo(parse(lost).timestamp());
        assertThat(SimulcastPackets.pictureId(original)).isEqualTo(SimulcastPackets.pictureId(parse(lost)));
    }

    @Test
    void shouldRelayTheSenderReportOfTheLayerAReceiverGetsOnTheTracksSsrcAndClock() {
        startOnMiddleLayer();
        output.clear();

        forwarder.accept(doctor, buffer(RtcpPacket.toCompoundBytes(List.of(
                new SenderReport(LAYERS[1], 0xE8A1_0000_0000_0000L, 123_456, 9, 900, List.of()),
                SourceDescription.cname(LAYERS[1], "doctor-cname")))), true);
        forwarder.accept(doctor, buffer(RtcpPacket.toCompoundBytes(List.of(
                new SenderReport(LAYERS[0], 0xE8A1_0000_0000_0000L, 1, 9, 900, List.of())))), true);

        List<RtcpPacket> relayed = single(output.rtcpTo(patient));
        assertThat(relayed.get(0)).isInstanceOfSatisfying(SenderReport.class, report -> {
            assertThat(report.senderSsrc()).isEqualTo(TRACK_SSRC);
            assertThat(report.rtpTimestamp()).as("the first layer forwarded keeps its clock").isEqualTo(123_456);
            assertThat(report.packetCount()).isEqualTo(1);
        });
        assertThat(relayed.get(1)).isEqualTo(SourceDescription.cname(TRACK_SSRC, "doctor-cname"));
    }

    @Test
    void shouldAskForAKeyframeOfTheLayerAReceiverGetsWhenItSendsAPli() {
        startOnMiddleLayer();
        now += 400 * MILLISECOND;
        sendAllLayers(DELTA_START);
        output.clear();

        forwarder.accept(patient, buffer(RtcpPacket.toCompoundBytes(List.of(new ReceiverReport(PATIENT_SSRC, List.of()),
                new PictureLossIndication(PATIENT_SSRC, TRACK_SSRC)))), true);

        assertThat(plisTo(doctor)).containsExactly(LAYERS[1]);
    }

    @Test
    void shouldTakeTheReceiversRembAsWhatItCanReceive() {
        forwarder.accept(patient, buffer(RtcpPacket.toCompoundBytes(List.of(new ReceiverReport(PATIENT_SSRC, List.of()),
                new ReceiverEstimatedMaxBitrate(PATIENT_SSRC, 1_234_000, List.of(TRACK_SSRC))))), true);

        assertThat(patient.bandwidth().estimate(now)).hasValue(1_234_000);
        assertThat(patient.bandwidth().estimate(now + ReceiverBandwidth.REMB_LIFETIME_NANOS + 1)).isEmpty();
    }

    @Test
    void shouldDropTheReceiversSwitcherOfAPublisherWhoLeaves() {
        startOnMiddleLayer();

        room.remove("doctor");

        assertThat(patient.selectedLayer(TRACK_SSRC)).isNull();
        assertThat(patient.layerSwitcher(TRACK_SSRC)).isNull();
    }

    /** The patient, a new receiver, gets the middle layer from its keyframe on. */
    private void startOnMiddleLayer() {
        sendAllLayers(KEYFRAME_START);
        forwarder.selectLayers(patient);
        now += 400 * MILLISECOND;
        sendAllLayers(KEYFRAME_START);
        assertThat(patient.selectedLayer(TRACK_SSRC)).isEqualTo("h");
    }

    /** A frame of each layer, 100 ms after the last: one packet each, with mid and rid as Chrome first sends them. */
    private void sendAllLayers(SimulcastPackets.Frame frame) {
        now += 100 * MILLISECOND;
        for (int layer = 0; layer < 3; layer++) {
            forwarder.accept(doctor, buffer(layerPacket(LAYERS[layer], RIDS[layer], layer, frame)), false);
        }
    }

    private byte[] layerPacket(long ssrc, String rid, int layer, SimulcastPackets.Frame frame) {
        int sequenceNumber = sequenceNumbers[layer];
        sequenceNumbers[layer] = (sequenceNumber + 1) & 0xFFFF;
        int pictureId = pictureIds[layer]++;
        long timestamp = 90_000L * (layer + 1) + 3000L * (sequenceNumber - (layer == 2 ? 65_530 : 0));
        return SimulcastPackets.vp8(ssrc, VP8, sequenceNumber, timestamp & 0xFFFF_FFFFL, pictureId, 5, frame,
                element(MID, "1"), element(RID, rid));
    }

    private List<byte[]> rtpTo(Participant participant) {
        return output.rtpTo(participant);
    }

    private List<Long> plisTo(Participant participant) {
        return output.rtcpTo(participant).stream().flatMap(List::stream)
                .filter(PictureLossIndication.class::isInstance).map(p -> ((PictureLossIndication) p).mediaSsrc()).toList();
    }

    private static <T> T single(List<T> list) {
        assertThat(list).hasSize(1);
        return list.get(0);
    }

    private static byte[] last(List<byte[]> packets) {
        return packets.get(packets.size() - 1);
    }

    private static SrtpPacketBuffer buffer(byte[] packet) {
        return SrtpPacketBuffer.copyOf(packet, 0, packet.length);
    }
}
