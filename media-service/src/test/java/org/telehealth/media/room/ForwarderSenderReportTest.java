package org.telehealth.media.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.telehealth.media.room.DoctorAndPatient.CAMERA;
import static org.telehealth.media.room.DoctorAndPatient.CAMERA_RTX;
import static org.telehealth.media.room.DoctorAndPatient.CODECS;
import static org.telehealth.media.room.DoctorAndPatient.EXTENSIONS;
import static org.telehealth.media.room.DoctorAndPatient.MICROPHONE;
import static org.telehealth.media.room.DoctorAndPatient.MICROPHONE_TRACK;
import static org.telehealth.media.room.DoctorAndPatient.PATIENT_SSRC;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.telehealth.media.rtcp.ReceiverReport;
import org.telehealth.media.rtcp.ReportBlock;
import org.telehealth.media.rtcp.SdesChunk;
import org.telehealth.media.rtcp.SdesItem;
import org.telehealth.media.rtcp.SenderReport;
import org.telehealth.media.rtcp.SourceDescription;

/** A publisher's sender reports on their way to the receivers of its tracks, through the real forwarder. */
class ForwarderSenderReportTest {

    private static final long NTP = 0xE8A1_2B3C_4000_0000L;
    private static final ReportBlock DOCTORS_RECEPTION = new ReportBlock(0x3333_0001L, 3, 10, 70_000, 40, 0, 0);
    private static final SourceDescription DOCTORS_CNAMES = new SourceDescription(List.of(
            new SdesChunk(MICROPHONE, List.of(SdesItem.cname("doctor-cname"), new SdesItem(SdesItem.TOOL, "Chrome"))),
            new SdesChunk(CAMERA, List.of(SdesItem.cname("doctor-cname")))));

    private final DoctorAndPatient visit = new DoctorAndPatient();

    @Test
    void shouldRelayTheSenderInfoAndCnameOfTheTrackWithoutThePublishersReportBlocks() {
        visit.rtcpFromDoctor(List.of(new SenderReport(CAMERA, NTP, 123_456, 100, 50_000, List.of(DOCTORS_RECEPTION)),
                DOCTORS_CNAMES));

        assertThat(visit.output.rtcpTo(visit.patient)).containsExactly(List.of(
                new SenderReport(CAMERA, NTP, 123_456, 100, 50_000, List.of()),
                SourceDescription.cname(CAMERA, "doctor-cname")));
        assertThat(visit.output.rtcpTo(visit.doctor)).isEmpty();
        assertThat(visit.forwarder.reports().senderReportsRelayed()).isEqualTo(1);
    }

    @Test
    void shouldRelayTheSenderReportAloneWhenTheCompoundHasNoCnameForItsSsrc() {
        visit.rtcpFromDoctor(List.of(new SenderReport(MICROPHONE, NTP, 960, 50, 4_000, List.of()),
                SourceDescription.cname(0x4444_0001L, "someone-else")));

        assertThat(visit.output.rtcpTo(visit.patient))
                .containsExactly(List.of(new SenderReport(MICROPHONE, NTP, 960, 50, 4_000, List.of())));
    }

    @Test
    void shouldNotRelaySenderReportsOfThePublishersRtxStreamOrOfSsrcsItDoesNotPublish() {
        visit.rtcpFromDoctor(List.of(new SenderReport(CAMERA_RTX, NTP, 1, 2, 3, List.of()), DOCTORS_CNAMES));
        visit.rtcpFromDoctor(List.of(new SenderReport(0x5555_0001L, NTP, 1, 2, 3, List.of())));
        visit.rtcpFromPatient(List.of(new SenderReport(CAMERA, NTP, 1, 2, 3, List.of())));

        assertThat(visit.output.sent()).isEmpty();
    }

    @Test
    void shouldRelayOnlyToParticipantsWhoReceiveTheTrackAndAreConnected() {
        Participant interpreter = new Participant("interpreter", visit.room, null);
        visit.room.add(interpreter);
        interpreter.negotiated(new Participant.Negotiated(List.of(), Map.of("0", MICROPHONE_TRACK),
                EXTENSIONS, CODECS));
        visit.output.disconnect(visit.patient);

        visit.rtcpFromDoctor(List.of(new SenderReport(CAMERA, NTP, 1, 2, 3, List.of())));
        visit.rtcpFromDoctor(List.of(new SenderReport(MICROPHONE, NTP, 1, 2, 3, List.of())));

        assertThat(visit.output.sent()).hasSize(1);
        assertThat(visit.output.rtcpTo(interpreter))
                .containsExactly(List.of(new SenderReport(MICROPHONE, NTP, 1, 2, 3, List.of())));
    }

    @Test
    void shouldMeasureTheRoundTripToAReceiverFromItsReportBlockAboutARelayedSenderReport() {
        visit.rtcpFromDoctor(List.of(new SenderReport(CAMERA, NTP, 1, 2, 3, List.of())));
        visit.advanceMillis(250);

        visit.rtcpFromPatient(List.of(new ReceiverReport(PATIENT_SSRC, List.of(
                new ReportBlock(CAMERA, 0, 0, 100, 0, 0x2B3C_4000L, 13_107))))); // held 199.997 ms

        assertThat(visit.patient.roundTripMillis()).hasValueCloseTo(50.003, offset(0.001));
        assertThat(visit.doctor.roundTripMillis()).isEmpty();
    }

    @Test
    void shouldTakeTheRoundTripFromTheReportBlocksOfASenderReportToo() {
        visit.rtcpFromDoctor(List.of(new SenderReport(MICROPHONE, NTP, 1, 2, 3, List.of())));
        visit.advanceMillis(30);

        visit.rtcpFromPatient(List.of(new SenderReport(PATIENT_SSRC, NTP, 1, 2, 3, List.of(
                new ReportBlock(MICROPHONE, 0, 0, 100, 0, 0x2B3C_4000L, 655))))); // held 9.995 ms

        assertThat(visit.patient.roundTripMillis()).hasValueCloseTo(20.005, offset(0.001));
    }

    @Test
    void shouldLeaveTheRoundTripUnknownUntilABlockAnswersASenderReportTheSfuRelayed() {
        visit.rtcpFromDoctor(List.of(new SenderReport(CAMERA, NTP, 1, 2, 3, List.of())));

        visit.rtcpFromPatient(List.of(new ReceiverReport(PATIENT_SSRC, List.of(
                new ReportBlock(CAMERA, 0, 0, 100, 0, 0, 0),
                new ReportBlock(CAMERA, 0, 0, 100, 0, 0x1111_1111L, 0),
                new ReportBlock(MICROPHONE, 0, 0, 100, 0, 0x2B3C_4000L, 0)))));

        assertThat(visit.patient.roundTripMillis()).isEmpty();
    }

    @Test
    void shouldIgnoreAReceiversSenderReportInsteadOfSendingItBackToThePublisher() {
        visit.rtcpFromPatient(List.of(new SenderReport(PATIENT_SSRC, NTP, 1, 2, 3, List.of())));

        assertThat(visit.output.sent()).isEmpty();
    }
}
