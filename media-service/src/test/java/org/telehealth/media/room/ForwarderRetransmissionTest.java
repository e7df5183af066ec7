package org.telehealth.media.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telehealth.media.retransmission.RtxPacketizer;
import org.telehealth.media.retransmission.RtxUnwrapper;
import org.telehealth.media.rtcp.GenericNack;
import org.telehealth.media.rtcp.PictureLossIndication;
import org.telehealth.media.rtcp.ReceiverReport;
import org.telehealth.media.rtcp.RtcpPacket;
import org.telehealth.media.rtp.RtpPacket;
import org.telehealth.media.sdp.Codec;
import org.telehealth.media.sdp.MediaKind;
import org.telehealth.media.srtp.SrtpPacketBuffer;
import org.telehealth.media.wire.NetworkByteOrder;

/**
 * The media path of a doctor who publishes a camera (VP8 with RTX) and a microphone to a patient,
 * packets pushed through the forwarder and read back where they leave it, without DTLS or SRTP.
 */
class ForwarderRetransmissionTest {

    private static final long CAMERA = 0x1111_0001L;
    private static final long CAMERA_RTX = 0x1111_0002L;
    private static final long MICROPHONE = 0x1111_0003L;
    private static final long PATIENT_SSRC = 0x2222_0001L;
    private static final int VP8 = 96;
    private static final int VP8_RTX = 97;
    private static final int OPUS = 111;
    private static final int MID_EXTENSION_ID = 1;
    private static final long MILLISECOND = TimeUnit.MILLISECONDS.toNanos(1);

    private static final PublishedTrack CAMERA_TRACK = new PublishedTrack(MediaKind.VIDEO, CAMERA,
            OptionalLong.of(CAMERA_RTX), "doctor", "doctor-stream", "camera");
    private static final PublishedTrack MICROPHONE_TRACK = new PublishedTrack(MediaKind.AUDIO, MICROPHONE,
            OptionalLong.empty(), "doctor", "doctor-stream", "microphone");
    private static final Codec OPUS_CODEC = new Codec(OPUS, "opus", 48_000, 2, Map.of(), List.of());
    private static final Codec VP8_CODEC = new Codec(VP8, "VP8", 90_000, 1, Map.of(), List.of());
    private static final Codec VP8_RTX_CODEC = new Codec(VP8_RTX, "rtx", 90_000, 1, Map.of("apt", "96"), List.of());

    private final Room room = new Room("visit");
    private final Participant doctor = new Participant("doctor", room, null);
    private final Participant patient = new Participant("patient", room, null);
    private final RecordingOutput output = new RecordingOutput();
    private long now = 10_000 * MILLISECOND;
    private final Forwarder forwarder = new Forwarder(session -> null, output, () -> now);

    @BeforeEach
    void doctorPublishesToPatient() {
        room.add(doctor);
        room.add(patient);
        doctor.negotiated(new Participant.Negotiated(List.of(MICROPHONE_TRACK, CAMERA_TRACK), Map.of(),
                DoctorAndPatient.EXTENSIONS, Map.of("0", List.of(OPUS_CODEC), "1", List.of(VP8_CODEC, VP8_RTX_CODEC))));
        patientReceives(List.of(VP8_CODEC, VP8_RTX_CODEC));
    }

    @Test
    void shouldForwardVideoWithoutThePublishersMidAndAnswerANackWithRtxOfTheSfusOwn() throws Exception {
        publish(100, 101, 102, 103);
        List<byte[]> forwarded = rtpTo(patient);
        assertThat(forwarded).hasSize(4);
        assertThat(parse(forwarded.get(1)).findHeaderExtension(MID_EXTENSION_ID)).isEqualTo(RtpPacket.NOT_FOUND);
        output.clear();

        nackFromPatient(CAMERA, 101);

        RtpPacket rtx = parse(single(rtpTo(patient)));
        assertThat(rtx.ssrc()).isEqualTo(CAMERA_RTX);
        assertThat(rtx.payloadType()).isEqualTo(VP8_RTX);
        assertThat(RtxUnwrapper.originalSequenceNumber(rtx)).isEqualTo(101);
        assertThat(new RtxUnwrapper(CAMERA).unwrap(rtx, VP8)).isEqualTo(forwarded.get(1));
        assertThat(forwarder.retransmission().nacksReceived()).isEqualTo(1);
        assertThat(forwarder.retransmission().packetsRetransmittedAsRtx()).isEqualTo(1);
        assertThat(forwarder.retransmission().packetsRetransmittedPlain()).isZero();
    }

    @Test
    void shouldCountWhatEachReceiverWasForwardedAskedForAndResent() {
        publish(100, 101, 102, 103);
        forwarder.accept(doctor, buffer(rtp(MICROPHONE, OPUS, 7, 0)), false);

        nackFromPatient(CAMERA, 101);
        nackFromPatient(MICROPHONE, 7);

        assertThat(patient.outbound().packetsForwarded()).isEqualTo(5);
        assertThat(patient.outbound().bytesForwarded()).as("the patient's copies: no mid, no extension block")
                .isEqualTo(5 * (28 - 8));
        assertThat(patient.outbound().nacksReceived()).isEqualTo(2);
        assertThat(patient.outbound().retransmissionsSent()).isEqualTo(1);
        assertThat(doctor.outbound().packetsForwarded()).isZero();
    }

    @Test
    void shouldNumberItsRtxInOneSequenceOfItsOwnPerReceiver() throws Exception {
        publish(100, 101, 102, 103);
        output.clear();

        nackFromPatient(CAMERA, 100);
        nackFromPatient(CAMERA, 102);

        List<byte[]> rtx = rtpTo(patient);
        assertThat(rtx).hasSize(2);
        assertThat(parse(rtx.get(1)).sequenceNumber()).isEqualTo((parse(rtx.get(0)).sequenceNumber() + 1) & 0xFFFF);
    }

    @Test
    void shouldAnswerANackWithThePacketAsForwardedThoughLaterPacketsArrivedInTheSameArray() throws Exception {
        byte[] socketArray = new byte[2048]; // the socket receives every datagram into one array
        for (int sequenceNumber = 100; sequenceNumber <= 103; sequenceNumber++) {
            byte[] packet = rtp(CAMERA, VP8, sequenceNumber, sequenceNumber);
            System.arraycopy(packet, 0, socketArray, 0, packet.length);
            forwarder.accept(doctor, new SrtpPacketBuffer(socketArray, 0, packet.length), false);
        }
        List<byte[]> forwarded = rtpTo(patient);
        output.clear();

        nackFromPatient(CAMERA, 101);

        RtpPacket rtx = parse(single(rtpTo(patient)));
        assertThat(new RtxUnwrapper(CAMERA).unwrap(rtx, VP8)).isEqualTo(forwarded.get(1));
        assertThat(parse(forwarded.get(1)).sequenceNumber()).isEqualTo(101);
    }

    @Test
    void shouldResendTheForwardedPacketUnchangedToAReceiverWhoNegotiatedNoRtx() {
        patientReceives(List.of(VP8_CODEC));
        publish(100, 101, 102);
        byte[] forwarded = rtpTo(patient).get(2);
        output.clear();

        nackFromPatient(CAMERA, 102);

        assertThat(single(rtpTo(patient))).isEqualTo(forwarded);
        assertThat(forwarder.retransmission().packetsRetransmittedPlain()).isEqualTo(1);
        assertThat(forwarder.retransmission().packetsRetransmittedAsRtx()).isZero();
    }

    @Test
    void shouldIgnoreNacksForStreamsTheReceiverDoesNotReceiveOrTheSfuKeepsNoPacketsOf() {
        publish(100, 101);
        forwarder.accept(doctor, buffer(rtp(MICROPHONE, OPUS, 7, 0)), false);
        output.clear();

        nackFromPatient(0xDEAD_BEEFL, 100);
        nackFromPatient(CAMERA_RTX, 100);
        nackFromPatient(MICROPHONE, 7);

        assertThat(output.sent()).isEmpty();
        assertThat(forwarder.retransmission().nacksReceived()).isEqualTo(3);
        assertThat(forwarder.retransmission().nacksIgnored()).isEqualTo(3);
    }

    @Test
    void shouldNotForwardThePublishersRtxAndDropACopyOfAPacketAlreadyForwarded() throws Exception {
        publish(100, 101, 102);
        output.clear();

        forwarder.accept(doctor, buffer(publishersRtx(101)), false);
        forwarder.accept(doctor, buffer(rtp(CAMERA, VP8, 102, 102)), false);

        assertThat(output.sent()).isEmpty();
        assertThat(forwarder.retransmission().duplicatesDropped()).isEqualTo(2);
        assertThat(forwarder.retransmission().rtxPacketsRecovered()).isZero();
    }

    @Test
    void shouldDropThePublishersPaddingOnlyRtxProbes() {
        publish(100);
        output.clear();
        byte[] probe = new byte[12 + 4];
        probe[0] = (byte) 0xA0; // V=2, P
        probe[1] = VP8_RTX;
        NetworkByteOrder.writeUint32(probe, 8, CAMERA_RTX);
        probe[probe.length - 1] = 4;

        forwarder.accept(doctor, buffer(probe), false);

        assertThat(output.sent()).isEmpty();
    }

    @Test
    void shouldNackAGapToThePublisherAndForwardWhatItsRtxBringsAsTheOriginal() throws Exception {
        publish(100, 101, 104);

        List<RtcpPacket> nack = single(rtcpTo(doctor));
        assertThat(nack.get(0)).isInstanceOf(ReceiverReport.class);
        assertThat(nack.get(1)).isInstanceOfSatisfying(GenericNack.class, n -> {
            assertThat(n.mediaSsrc()).isEqualTo(CAMERA);
            assertThat(n.lostSequenceNumbers()).containsExactly(102, 103);
        });
        assertThat(forwarder.retransmission().upstreamNacksSent()).isEqualTo(1);
        output.clear();

        forwarder.accept(doctor, buffer(publishersRtx(102)), false);

        RtpPacket recovered = parse(single(rtpTo(patient)));
        assertThat(recovered.ssrc()).isEqualTo(CAMERA);
        assertThat(recovered.payloadType()).isEqualTo(VP8);
        assertThat(recovered.sequenceNumber()).isEqualTo(102);
        assertThat(recovered.findHeaderExtension(MID_EXTENSION_ID)).isEqualTo(RtpPacket.NOT_FOUND);
        assertThat(NetworkByteOrder.uint32(recovered.buffer(), recovered.payloadOffset())).isEqualTo(102L);
        assertThat(forwarder.retransmission().rtxPacketsRecovered()).isEqualTo(1);
        assertThat(rtcpTo(doctor)).isEmpty();
    }

    @Test
    void shouldRetryTheUpstreamNackOnTheNextPacketOnlyFor20MillisecondsLaterAndOnlyForWhatIsStillMissing() throws Exception {
        publish(100, 101, 104);
        forwarder.accept(doctor, buffer(publishersRtx(102)), false);
        output.clear();

        now += 19 * MILLISECOND;
        forwarder.accept(doctor, buffer(rtp(MICROPHONE, OPUS, 7, 0)), false);
        assertThat(rtcpTo(doctor)).isEmpty();

        now += MILLISECOND;
        forwarder.accept(doctor, buffer(rtp(MICROPHONE, OPUS, 8, 0)), false);
        List<RtcpPacket> retry = single(rtcpTo(doctor));
        assertThat(((GenericNack) retry.get(1)).lostSequenceNumbers()).containsExactly(103);
        assertThat(forwarder.retransmission().upstreamNacksSent()).isEqualTo(2);
    }

    @Test
    void shouldAnswerAReceiversNackWithAPacketRecoveredFromThePublisher() throws Exception {
        publish(100, 102);
        forwarder.accept(doctor, buffer(publishersRtx(101)), false);
        output.clear();

        nackFromPatient(CAMERA, 101);

        RtpPacket rtx = parse(single(rtpTo(patient)));
        assertThat(rtx.ssrc()).isEqualTo(CAMERA_RTX);
        assertThat(RtxUnwrapper.originalSequenceNumber(rtx)).isEqualTo(101);
    }

    @Test
    void shouldAskForAKeyframeInsteadOfNackingMoreThan256LostPackets() throws Exception {
        publish(100, 400);

        List<RtcpPacket> request = single(rtcpTo(doctor));
        assertThat(request.get(1)).isInstanceOfSatisfying(PictureLossIndication.class,
                pli -> assertThat(pli.mediaSsrc()).isEqualTo(CAMERA));
        assertThat(forwarder.retransmission().upstreamNacksSent()).isZero();
    }

    @Test
    void shouldStillRelayAReceiversKeyframeRequestToThePublisher() throws Exception {
        byte[] pli = RtcpPacket.toCompoundBytes(List.of(new ReceiverReport(PATIENT_SSRC, List.of()),
                new PictureLossIndication(PATIENT_SSRC, CAMERA)));

        forwarder.accept(patient, buffer(pli), true);

        assertThat(single(rtcpTo(doctor)).get(1)).isInstanceOf(PictureLossIndication.class);
    }

    @Test
    void shouldForwardAudioWithoutKeepingItOrNackingItsGaps() {
        forwarder.accept(doctor, buffer(rtp(MICROPHONE, OPUS, 7, 0)), false);
        forwarder.accept(doctor, buffer(rtp(MICROPHONE, OPUS, 9, 0)), false);

        assertThat(rtpTo(patient)).hasSize(2);
        assertThat(rtcpTo(doctor)).isEmpty();
        assertThat(doctor.videoStreams()).isEmpty();
        assertThat(forwarder.packetsForwarded()).isEqualTo(2);
    }

    @Test
    void shouldDropTheReceiversRepairStateOfAPublisherWhoLeaves() {
        publish(100);
        nackFromPatient(CAMERA, 100);
        assertThat(patient.hasRetransmitter(CAMERA)).isTrue();

        room.remove("doctor");

        assertThat(patient.hasRetransmitter(CAMERA)).isFalse();
    }

    @Test
    void shouldDropTheRepairStateOfTracksARenegotiationRemoved() {
        publish(100);
        nackFromPatient(CAMERA, 100);

        doctor.negotiated(new Participant.Negotiated(List.of(MICROPHONE_TRACK), Map.of(), DoctorAndPatient.EXTENSIONS));
        patient.negotiated(new Participant.Negotiated(List.of(), Map.of("0", MICROPHONE_TRACK), ExtensionIds.NONE));

        assertThat(doctor.videoStream(CAMERA)).isNull();
        assertThat(patient.hasRetransmitter(CAMERA)).isFalse();
    }

    private void patientReceives(List<Codec> videoCodecs) {
        patient.negotiated(new Participant.Negotiated(List.of(), Map.of("0", MICROPHONE_TRACK, "1", CAMERA_TRACK),
                DoctorAndPatient.EXTENSIONS, Map.of("0", List.of(OPUS_CODEC), "1", videoCodecs)));
    }

    private void publish(int... sequenceNumbers) {
        for (int sequenceNumber : sequenceNumbers) {
            forwarder.accept(doctor, buffer(rtp(CAMERA, VP8, sequenceNumber, sequenceNumber)), false);
        }
    }

    private void nackFromPatient(long mediaSsrc, int lost) {
        byte[] compound = RtcpPacket.toCompoundBytes(List.of(new ReceiverReport(PATIENT_SSRC, List.of()),
                new GenericNack(PATIENT_SSRC, mediaSsrc, List.of(lost))));
        forwarder.accept(patient, buffer(compound), true);
    }

    /** The publisher's RTX for one of its packets, as Chrome sends it: the mid extension included. */
    private static byte[] publishersRtx(int sequenceNumber) throws Exception {
        byte[] original = rtp(CAMERA, VP8, sequenceNumber, sequenceNumber);
        return new RtxPacketizer(CAMERA_RTX, VP8_RTX, 5_000 + sequenceNumber).packetize(original, 0, original.length);
    }

    /** A packet with the browser's mid ("1") in a one-byte header extension and {@code payload} twice. */
    private static byte[] rtp(long ssrc, int payloadType, int sequenceNumber, int payload) {
        byte[] packet = new byte[12 + 8 + 8];
        packet[0] = (byte) 0x90; // V=2, X
        packet[1] = (byte) payloadType;
        NetworkByteOrder.writeUint16(packet, 2, sequenceNumber);
        NetworkByteOrder.writeUint32(packet, 4, 3_000L * sequenceNumber);
        NetworkByteOrder.writeUint32(packet, 8, ssrc);
        NetworkByteOrder.writeUint16(packet, 12, 0xBEDE);
        NetworkByteOrder.writeUint16(packet, 14, 1);
        packet[16] = (byte) (MID_EXTENSION_ID << 4);
        packet[17] = '1';
        NetworkByteOrder.writeUint32(packet, 20, payload);
        NetworkByteOrder.writeUint32(packet, 24, payload);
        return packet;
    }

    private static SrtpPacketBuffer buffer(byte[] packet) {
        return SrtpPacketBuffer.copyOf(packet, 0, packet.length);
    }

    private List<byte[]> rtpTo(Participant participant) {
        return output.rtpTo(participant);
    }

    private List<List<RtcpPacket>> rtcpTo(Participant participant) {
        return output.rtcpTo(participant);
    }

    private static <T> T single(List<T> items) {
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    private static RtpPacket parse(byte[] packet) throws Exception {
        return RtpPacket.parse(packet, 0, packet.length);
    }
}
