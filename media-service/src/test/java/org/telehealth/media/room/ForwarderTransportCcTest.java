package org.telehealth.media.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.telehealth.media.rtcp.TransportCcPacketStatus.NOT_RECEIVED;
import static org.telehealth.media.rtcp.TransportCcPacketStatus.received;
import static org.telehealth.media.room.DoctorAndPatient.CAMERA;
import static org.telehealth.media.room.DoctorAndPatient.CAMERA_RTX;
import static org.telehealth.media.room.DoctorAndPatient.CAMERA_TRACK;
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
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.telehealth.media.rtcp.ReceiverReport;
import org.telehealth.media.rtcp.RtcpPacket;
import org.telehealth.media.rtcp.TransportCcFeedback;

/**
 * Transport-cc feedback to a publisher, through the real forwarder. The test clock starts at 10 s:
 * reference time 156 (9.984 s), so a packet arriving then has a first receive delta of 16 ms, 64
 * steps of 250 us; 1 ms is 4 steps.
 */
class ForwarderTransportCcTest {

    private final DoctorAndPatient visit = new DoctorAndPatient();

    @Test
    void shouldReportTheArrivalOfEveryPacketOfThePublishersTransportWhateverItsStream() {
        visit.fromDoctor(rtp(CAMERA, VP8, 100, 9_000, 1));
        visit.advanceMillis(1);
        visit.fromDoctor(rtp(MICROPHONE, OPUS, 7, 960, 2));
        visit.advanceMillis(1);
        visit.fromDoctor(paddingOnly(rtp(CAMERA_RTX, VP8_RTX, 500, 9_000, 3)));
        visit.advanceMillis(3);
        visit.fromDoctor(rtp(CAMERA, VP8, 101, 9_000, 5));

        visit.forwarder.sendTransportFeedback(visit.doctor);

        List<RtcpPacket> compound = single(visit.output.rtcpTo(visit.doctor));
        ReceiverReport leader = (ReceiverReport) compound.get(0);
        TransportCcFeedback feedback = (TransportCcFeedback) compound.get(1);
        assertThat(feedback.senderSsrc()).isEqualTo(leader.senderSsrc());
        assertThat(feedback.mediaSsrc()).isEqualTo(MICROPHONE);
        assertThat(feedback.baseSequenceNumber()).isEqualTo(1);
        assertThat(feedback.referenceTime()).isEqualTo(156);
        assertThat(feedback.packetStatuses())
                .containsExactly(received(64), received(4), received(4), NOT_RECEIVED, received(12));
        assertThat(visit.forwarder.reports().transportCcFeedbackSent()).isEqualTo(1);
    }

    @Test
    void shouldReportEachArrivalOnceAndSendNothingWhenNothingArrived() {
        visit.fromDoctor(rtp(CAMERA, VP8, 100, 9_000, 1));
        visit.forwarder.sendTransportFeedback(visit.doctor);
        visit.output.clear();

        visit.forwarder.sendTransportFeedback(visit.doctor);
        assertThat(visit.output.sent()).isEmpty();

        visit.fromDoctor(rtp(CAMERA, VP8, 101, 9_000, 2));
        visit.forwarder.sendTransportFeedback(visit.doctor);
        TransportCcFeedback next = (TransportCcFeedback) single(visit.output.rtcpTo(visit.doctor)).get(1);
        assertThat(next.baseSequenceNumber()).isEqualTo(2);
        assertThat(next.packetStatusCount()).isEqualTo(1);
        assertThat(next.feedbackPacketCount()).isEqualTo(1);
    }

    @Test
    void shouldSendNoTransportCcToAPublisherWhoseAnswerDidNotKeepTheExtension() {
        visit.doctor.negotiated(new Participant.Negotiated(List.of(MICROPHONE_TRACK, CAMERA_TRACK), Map.of(),
                EXTENSIONS, CODECS, OptionalInt.empty()));
        visit.fromDoctor(rtp(CAMERA, VP8, 100, 9_000, 1));

        visit.forwarder.sendTransportFeedback(visit.doctor);

        assertThat(visit.output.rtcpTo(visit.doctor)).isEmpty();
    }

    @Test
    void shouldSendNoTransportCcToAParticipantWhoPublishesNothing() {
        visit.forwarder.sendTransportFeedback(visit.patient);

        assertThat(visit.output.sent()).isEmpty();
    }

    @Test
    void shouldGoOnWithTheSameSequenceWhenARenegotiationRenumbersTheExtension() {
        visit.fromDoctor(rtp(CAMERA, VP8, 100, 9_000, 1));
        visit.forwarder.sendTransportFeedback(visit.doctor);
        visit.output.clear();

        visit.doctor.negotiated(new Participant.Negotiated(List.of(MICROPHONE_TRACK, CAMERA_TRACK), Map.of(),
                EXTENSIONS, CODECS, OptionalInt.of(5)));
        visit.fromDoctor(rtp(CAMERA, VP8, 101, 9_000, 2, 5));
        visit.forwarder.sendTransportFeedback(visit.doctor);

        TransportCcFeedback next = (TransportCcFeedback) single(visit.output.rtcpTo(visit.doctor)).get(1);
        assertThat(next.baseSequenceNumber()).isEqualTo(2);
        assertThat(next.feedbackPacketCount()).isEqualTo(1);
    }

    @Test
    void shouldSendEveryPublisherOfEveryRoomItsFeedbackOnOneTimerTick() {
        visit.fromDoctor(rtp(CAMERA, VP8, 100, 9_000, 1));
        FeedbackTimer timer = new FeedbackTimer(() -> List.of(visit.room), visit.forwarder);

        timer.tick();

        assertThat(single(visit.output.rtcpTo(visit.doctor)).get(1)).isInstanceOf(TransportCcFeedback.class);
        assertThat(visit.output.rtcpTo(visit.patient)).isEmpty();
    }

    /** Turns the packet's payload into padding: an RTX packet like this is a bandwidth probe. */
    private static byte[] paddingOnly(byte[] packet) {
        packet[0] |= 0x20;
        packet[packet.length - 1] = 8;
        return packet;
    }

    private static <T> T single(List<T> items) {
        assertThat(items).hasSize(1);
        return items.get(0);
    }
}
