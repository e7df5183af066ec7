package org.telehealth.media.room;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.telehealth.media.rtcp.RtcpPacket;
import org.telehealth.media.sdp.Codec;
import org.telehealth.media.sdp.MediaKind;
import org.telehealth.media.srtp.SrtpPacketBuffer;
import org.telehealth.media.wire.NetworkByteOrder;

/**
 * A visit for tests of the media path: a doctor who publishes a camera (VP8 with RTX) and a
 * microphone (Opus) to a patient, with transport-wide sequence numbers, the real forwarder between
 * them on a clock the test moves, and what leaves it recorded instead of encrypted.
 */
final class DoctorAndPatient {

    static final long CAMERA = 0x1111_0001L;
    static final long CAMERA_RTX = 0x1111_0002L;
    static final long MICROPHONE = 0x1111_0003L;
    static final long PATIENT_SSRC = 0x2222_0001L;
    static final int VP8 = 96;
    static final int VP8_RTX = 97;
    static final int OPUS = 111;
    static final int MID_EXTENSION_ID = 1;
    static final int TRANSPORT_SEQUENCE_NUMBER_ID = 3;
    static final long MILLISECOND = TimeUnit.MILLISECONDS.toNanos(1);
    /** What a participant's answer kept: the mid only, so the SFU writes no extension for receivers. */
    static final ExtensionIds EXTENSIONS = new ExtensionIds(MID_EXTENSION_ID, ExtensionIds.ABSENT, ExtensionIds.ABSENT,
            ExtensionIds.ABSENT, ExtensionIds.ABSENT);

    static final PublishedTrack CAMERA_TRACK = new PublishedTrack(MediaKind.VIDEO, CAMERA,
            OptionalLong.of(CAMERA_RTX), "doctor", "doctor-stream", "camera");
    static final PublishedTrack MICROPHONE_TRACK = new PublishedTrack(MediaKind.AUDIO, MICROPHONE,
            OptionalLong.empty(), "doctor", "doctor-stream", "microphone");
    static final Codec OPUS_CODEC = new Codec(OPUS, "opus", 48_000, 2, Map.of(), List.of());
    static final Codec VP8_CODEC = new Codec(VP8, "VP8", 90_000, 1, Map.of(), List.of());
    static final Codec VP8_RTX_CODEC = new Codec(VP8_RTX, "rtx", 90_000, 1, Map.of("apt", "96"), List.of());
    static final Map<String, List<Codec>> CODECS = Map.of("0", List.of(OPUS_CODEC), "1", List.of(VP8_CODEC, VP8_RTX_CODEC));

    final Room room = new Room("visit");
    final Participant doctor = new Participant("doctor", room, null);
    final Participant patient = new Participant("patient", room, null);
    final RecordingOutput output = new RecordingOutput();
    long now = 10_000 * MILLISECOND;
    final Forwarder forwarder = new Forwarder(session -> null, output, () -> now);

    DoctorAndPatient() {
        room.add(doctor);
        room.add(patient);
        doctor.negotiated(new Participant.Negotiated(List.of(MICROPHONE_TRACK, CAMERA_TRACK), Map.of(),
                EXTENSIONS, CODECS, OptionalInt.of(TRANSPORT_SEQUENCE_NUMBER_ID)));
        patient.negotiated(new Participant.Negotiated(List.of(), Map.of("0", MICROPHONE_TRACK, "1", CAMERA_TRACK),
                EXTENSIONS, CODECS, OptionalInt.of(TRANSPORT_SEQUENCE_NUMBER_ID)));
    }

    void advanceMillis(long millis) {
        now += millis * MILLISECOND;
    }

    /** The doctor's browser sends {@code rtp}, which arrives now. */
    void fromDoctor(byte[] rtp) {
        forwarder.accept(doctor, buffer(rtp), false);
    }

    void rtcpFromDoctor(List<RtcpPacket> compound) {
        forwarder.accept(doctor, buffer(RtcpPacket.toCompoundBytes(compound)), true);
    }

    void rtcpFromPatient(List<RtcpPacket> compound) {
        forwarder.accept(patient, buffer(RtcpPacket.toCompoundBytes(compound)), true);
    }

    /**
     * A packet as Chrome sends it: a one-byte header extension block with the mid ("1") and the
     * transport-wide sequence number, then 8 bytes of payload.
     */
    static byte[] rtp(long ssrc, int payloadType, int sequenceNumber, long timestamp, int transportSequenceNumber) {
        return rtp(ssrc, payloadType, sequenceNumber, timestamp, transportSequenceNumber, TRANSPORT_SEQUENCE_NUMBER_ID);
    }

    /** Such a packet with the transport-wide sequence number under another extension id. */
    static byte[] rtp(long ssrc, int payloadType, int sequenceNumber, long timestamp, int transportSequenceNumber,
            int transportSequenceNumberId) {
        byte[] packet = new byte[12 + 12 + 8];
        packet[0] = (byte) 0x90; // V=2, X
        packet[1] = (byte) payloadType;
        NetworkByteOrder.writeUint16(packet, 2, sequenceNumber);
        NetworkByteOrder.writeUint32(packet, 4, timestamp);
        NetworkByteOrder.writeUint32(packet, 8, ssrc);
        NetworkByteOrder.writeUint16(packet, 12, 0xBEDE);
        NetworkByteOrder.writeUint16(packet, 14, 2);
        packet[16] = (byte) (MID_EXTENSION_ID << 4);
        packet[17] = '1';
        packet[18] = (byte) (transportSequenceNumberId << 4 | 1);
        NetworkByteOrder.writeUint16(packet, 19, transportSequenceNumber);
        NetworkByteOrder.writeUint32(packet, 24, sequenceNumber);
        return packet;
    }

    static SrtpPacketBuffer buffer(byte[] packet) {
        return SrtpPacketBuffer.copyOf(packet, 0, packet.length);
    }
}
