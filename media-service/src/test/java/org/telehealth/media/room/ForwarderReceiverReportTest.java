package org.telehealth.media.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.telehealth.media.room.DoctorAndPatient.CAMERA;
import static org.telehealth.media.room.DoctorAndPatient.CAMERA_RTX;
import static org.telehealth.media.room.DoctorAndPatient.CODECS;
import static org.telehealth.media.room.DoctorAndPatient.EXTENSIONS;
import static org.telehealth.media.room.DoctorAndPatient.MICROPHONE;
import static org.telehealth.media.room.DoctorAndPatient.MICROPHONE_TRACK;
import static org.telehealth.media.room.DoctorAndPatient.OPUS;
import static org.telehealth.media.room.DoctorAndPatient.VP8;
import static org.telehealth.media.room.DoctorAndPatient.VP8_RTX;
import static org.telehealth.media.room.DoctorAndPatient.rtp;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.telehealth.media.retransmission.RtxPacketizer;
import org.telehealth.media.rtcp.GenericNack;
import org.telehealth.media.rtcp.ReceiverReport;
import org.telehealth.media.rtcp.ReportBlock;
import org.telehealth.media.rtcp.RtcpPacket;
import org.telehealth.media.rtcp.SenderReport;

/** The SFU's receiver reports to a publisher about each of its streams, through the real forwarder. */
class ForwarderReceiverReportTest {

    private static final long NTP = 0xE8A1_2B3C_4000_0000L;
    private static final long FRAME_TIMESTAMP = 300_000;

    private final DoctorAndPatient visit = new DoctorAndPatient();

    @Test
    void shouldReportEveryStreamOfThePublisherFromTheSfusSsrcWithLossAndTheLastSenderReport() {
        camera(100, 101, 103);
        microphone(7, 8);
        visit.rtcpFromDoctor(List.of(new SenderReport(CAMERA, NTP, 3_000, 3, 300, List.of())));
        long sfuSsrc = ((GenericNack) visit.output.rtcpTo(visit.doctor).get(0).get(1)).senderSsrc();
        visit.output.clear();
        visit.advanceMillis(500);

        visit.forwarder.sendReceiverReport(visit.doctor);

        ReceiverReport report = (ReceiverReport) single(single(visit.output.rtcpTo(visit.doctor)));
        assertThat(report.senderSsrc()).isEqualTo(sfuSsrc);
        assertThat(report.reportBlocks()).containsExactly(
                new ReportBlock(CAMERA, 64, 1, 103, 0, 0x2B3C_4000L, 32_768), // 1 of 4 lost; held 0.5 s
                new ReportBlock(MICROPHONE, 0, 0, 8, 0, 0, 0));
        assertThat(visit.forwarder.reports().receiverReportsSent()).isEqualTo(1);
    }

    @Test
    void shouldCountAPacketThePublishersRtxBroughtBackAsReceived() throws Exception {
        camera(100, 102);
        visit.fromDoctor(publishersRtx(101));
        visit.output.clear();

        visit.forwarder.sendReceiverReport(visit.doctor);

        ReportBlock block = ((ReceiverReport) single(single(visit.output.rtcpTo(visit.doctor)))).reportBlocks().get(0);
        assertThat(block.cumulativeLost()).isZero();
        assertThat(block.extendedHighestSequenceNumber()).isEqualTo(102);
    }

    @Test
    void shouldSendNoReceiverReportBeforeAPacketArrivedOrToADisconnectedPublisher() {
        visit.forwarder.sendReceiverReport(visit.doctor);
        visit.forwarder.sendReceiverReport(visit.patient);
        assertThat(visit.output.sent()).isEmpty();

        microphone(7);
        visit.output.disconnect(visit.doctor);
        visit.forwarder.sendReceiverReport(visit.doctor);
        assertThat(visit.output.rtcpTo(visit.doctor)).isEmpty();
    }

    @Test
    void shouldForgetTheStatisticsOfATrackARenegotiationRemoved() {
        camera(100);
        microphone(7);

        visit.doctor.negotiated(new Participant.Negotiated(List.of(MICROPHONE_TRACK), Map.of(),
                EXTENSIONS, CODECS));
        visit.forwarder.sendReceiverReport(visit.doctor);

        ReceiverReport report = (ReceiverReport) single(single(visit.output.rtcpTo(visit.doctor)));
        assertThat(report.reportBlocks()).extracting(ReportBlock::ssrc).containsExactly(MICROPHONE);
        assertThat(visit.doctor.inboundStreams()).extracting(stream -> stream.track().ssrc()).containsExactly(MICROPHONE);
    }

    @Test
    void shouldSendReceiverReportsOnEveryTenthTickOfTheTimer() {
        microphone(7);
        FeedbackTimer timer = new FeedbackTimer(() -> List.of(visit.room), visit.forwarder);

        for (int tick = 1; tick <= 20; tick++) {
            timer.tick();
        }

        List<List<RtcpPacket>> sent = visit.output.rtcpTo(visit.doctor);
        assertThat(sent.stream().filter(compound -> compound.size() == 1)).hasSize(2);
    }

    /** Packets of one video frame, arriving together: no jitter. */
    private void camera(int... sequenceNumbers) {
        for (int sequenceNumber : sequenceNumbers) {
            visit.fromDoctor(rtp(CAMERA, VP8, sequenceNumber, FRAME_TIMESTAMP, sequenceNumber));
        }
    }

    /** Packets of 20 ms of audio, arriving 20 ms apart: no jitter. */
    private void microphone(int... sequenceNumbers) {
        for (int sequenceNumber : sequenceNumbers) {
            visit.fromDoctor(rtp(MICROPHONE, OPUS, sequenceNumber, 960L * sequenceNumber, 1_000 + sequenceNumber));
            visit.advanceMillis(20);
        }
    }

    private static byte[] publishersRtx(int sequenceNumber) throws Exception {
        byte[] original = rtp(CAMERA, VP8, sequenceNumber, FRAME_TIMESTAMP, sequenceNumber);
        return new RtxPacketizer(CAMERA_RTX, VP8_RTX, 5_000 + sequenceNumber).packetize(original, 0, original.length);
    }

    private static <T> T single(List<T> items) {
        assertThat(items).hasSize(1);
        return items.get(0);
    }
}
