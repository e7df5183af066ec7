package org.telehealth.media.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.telehealth.media.rtp.RtpPacket;
import org.telehealth.media.wire.NetworkByteOrder;

/**
 * Every receiver's copy of a forwarded packet is written into one buffer that the forwarder
 * reuses, packet after packet: what leaves must still be each packet's own copy.
 */
class ForwarderBuffersTest {

    private final DoctorAndPatient visit = new DoctorAndPatient();

    @Test
    void shouldWriteEveryCopyIntoAReusedBufferAndStillSendEachPacketAsItCame() throws Exception {
        for (int sequenceNumber = 0; sequenceNumber < 200; sequenceNumber++) {
            long ssrc = sequenceNumber % 3 == 0 ? DoctorAndPatient.MICROPHONE : DoctorAndPatient.CAMERA;
            int payloadType = ssrc == DoctorAndPatient.MICROPHONE ? DoctorAndPatient.OPUS : DoctorAndPatient.VP8;
            visit.fromDoctor(DoctorAndPatient.rtp(ssrc, payloadType, sequenceNumber, 960L * sequenceNumber, sequenceNumber));
        }

        List<byte[]> forwarded = visit.output.rtpTo(visit.patient);
        assertThat(forwarded).hasSize(200);
        for (int i = 0; i < forwarded.size(); i++) {
            RtpPacket copy = RtpPacket.parse(forwarded.get(i), 0, forwarded.get(i).length);
            assertThat(copy.sequenceNumber()).isEqualTo(i);
            assertThat(copy.timestamp()).isEqualTo(960L * i);
            assertThat(NetworkByteOrder.uint32(copy.buffer(), copy.payloadOffset())).as("the payload").isEqualTo(i);
            assertThat(copy.hasHeaderExtension()).as("the publisher's mid and transport-cc are not the patient's").isFalse();
        }
        assertThat(visit.forwarder.copyBuffersAllocated()).isEqualTo(1);
    }
}
