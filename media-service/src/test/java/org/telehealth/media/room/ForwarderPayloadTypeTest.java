package org.telehealth.media.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telehealth.media.retransmission.RtxUnwrapper;
import org.telehealth.media.rtcp.GenericNack;
import org.telehealth.media.rtcp.ReceiverReport;
import org.telehealth.media.rtcp.RtcpPacket;
import org.telehealth.media.rtp.RtpPacket;
import org.telehealth.media.sdp.MediaKind;
import org.telehealth.media.srtp.SrtpPacketBuffer;
import org.telehealth.media.wire.NetworkByteOrder;

/**
 * A doctor in Firefox publishes a camera (VP8 with RTX) and a microphone to a patient in Chromium
 * and an interpreter in Firefox: each receiver gets every packet under its own browser's payload
 * type numbers (Firefox: Opus 109, VP8 120, its RTX 124; Chromium: 111, 96, 97). Packets go
 * through the real forwarder and are read back where they leave it.
 */
class ForwarderPayloadTypeTest {

    private static final long CAMERA = 0x1111_0001L;
    private static final long CAMERA_RTX = 0x1111_0002L;
    private static final long MICROPHONE = 0x1111_0003L;
    private static final long PATIENT_SSRC = 0x2222_0001L;
    private static final int FIREFOX_VP8 = 120;
    private static final int FIREFOX_OPUS = 109;
    private static final int CHROMIUM_VP8 = 96;
    private static final int CHROMIUM_VP8_RTX = 97;
    private static final int CHROMIUM_OPUS = 111;
    private static final long MILLISECOND = TimeUnit.MILLISECONDS.toNanos(1);

    private static final PublishedTrack CAMERA_TRACK = new PublishedTrack(MediaKind.VIDEO, CAMERA,
            OptionalLong.of(CAMERA_RTX), "doctor", "doctor-stream", "camera");
    private static final PublishedTrack MICROPHONE_TRACK = new PublishedTrack(MediaKind.AUDIO, MICROPHONE,
            OptionalLong.empty(), "doctor", "doctor-stream", "microphone");

    private final Room room = new Room("visit");
    private final Participant doctor = new Participant("doctor", room, null);
    private final Participant patient = new Participant("patient", room, null);
    private final Participant interpreter = new Participant("interpreter", room, null);
    private final RecordingOutput output = new RecordingOutput();
    private final long now = 10_000 * MILLISECOND;
    private final Forwarder forwarder = new Forwarder(session -> null, output, () -> now);

    @BeforeEach
    void doctorInFirefoxPublishes() {
        room.add(doctor);
        room.add(patient);
        room.add(interpreter);
        doctor.negotiated(new Participant.Negotiated(List.of(MICROPHONE_TRACK, CAMERA_TRACK), Map.of(),
                DoctorAndPatient.EXTENSIONS, PayloadTypesTest.FIREFOX));
        Map<String, PublishedTrack> received = Map.of("0", MICROPHONE_TRACK, "1", CAMERA_TRACK);
        patient.negotiated(new Participant.Negotiated(List.of(), received, DoctorAndPatient.EXTENSIONS, PayloadTypesTest.CHROMIUM));
        interpreter.negotiated(new Participant.Negotiated(List.of(), received, DoctorAndPatient.EXTENSIONS, PayloadTypesTest.FIREFOX));
    }

    @Test
    void shouldForwardEachPacketUnderTheReceiversNumberForItsFormat() throws Exception {
        forwarder.accept(doctor, buffer(rtp(CAMERA, FIREFOX_VP8, 100, true)), false);
        forwarder.accept(doctor, buffer(rtp(MICROPHONE, FIREFOX_OPUS, 7, false)), false);

        List<RtpPacket> toPatient = parse(output.rtpTo(patient));
        assertThat(toPatient).extracting(RtpPacket::payloadType).containsExactly(CHROMIUM_VP8, CHROMIUM_OPUS);
        assertThat(toPatient.get(0).marker()).as("the marker bit is the publisher's").isTrue();
        assertThat(toPatient.get(1).marker()).isFalse();
        assertThat(parse(output.rtpTo(interpreter))).as("a receiver in the publisher's browser: its numbers unchanged")
                .extracting(RtpPacket::payloadType).containsExactly(FIREFOX_VP8, FIREFOX_OPUS);
    }

    @Test
    void shouldAnswerANackWithRtxUnderTheReceiversNumbers() throws Exception {
        for (int sequenceNumber = 100; sequenceNumber < 103; sequenceNumber++) {
            forwarder.accept(doctor, buffer(rtp(CAMERA, FIREFOX_VP8, sequenceNumber, false)), false);
        }
        byte[] forwarded = output.rtpTo(patient).get(1);
        output.clear();

        forwarder.accept(patient, buffer(RtcpPacket.toCompoundBytes(List.of(new ReceiverReport(PATIENT_SSRC, List.of()),
                new GenericNack(PATIENT_SSRC, CAMERA, List.of(101))))), true);

        List<byte[]> resent = output.rtpTo(patient);
        assertThat(resent).hasSize(1);
        RtpPacket rtx = RtpPacket.parse(resent.get(0), 0, resent.get(0).length);
        assertThat(rtx.ssrc()).isEqualTo(CAMERA_RTX);
        assertThat(rtx.payloadType()).as("Chromium's RTX for its VP8 (apt=96)").isEqualTo(CHROMIUM_VP8_RTX);
        assertThat(new RtxUnwrapper(CAMERA).unwrap(rtx, CHROMIUM_VP8)).isEqualTo(forwarded);
    }

    /** A packet as Firefox sends it: the mid ("1") in a one-byte header extension, 8 bytes of payload. */
    private static byte[] rtp(long ssrc, int payloadType, int sequenceNumber, boolean marker) {
        byte[] packet = new byte[12 + 8 + 8];
        packet[0] = (byte) 0x90; // V=2, X
        packet[1] = (byte) ((marker ? 0x80 : 0) | payloadType);
        NetworkByteOrder.writeUint16(packet, 2, sequenceNumber);
        NetworkByteOrder.writeUint32(packet, 4, 3_000L * sequenceNumber);
        NetworkByteOrder.writeUint32(packet, 8, ssrc);
        NetworkByteOrder.writeUint16(packet, 12, 0xBEDE);
        NetworkByteOrder.writeUint16(packet, 14, 1);
        packet[16] = (byte) (DoctorAndPatient.MID_EXTENSION_ID << 4);
        packet[17] = '1';
        NetworkByteOrder.writeUint32(packet, 20, sequenceNumber);
        NetworkByteOrder.writeUint32(packet, 24, sequenceNumber);
        return packet;
    }

    private static SrtpPacketBuffer buffer(byte[] packet) {
        return SrtpPacketBuffer.copyOf(packet, 0, packet.length);
    }

    private static List<RtpPacket> parse(List<byte[]> packets) throws Exception {
        List<RtpPacket> parsed = new ArrayList<>();
        for (byte[] packet : packets) {
            parsed.add(RtpPacket.parse(packet, 0, packet.length));
        }
        return parsed;
    }
}
