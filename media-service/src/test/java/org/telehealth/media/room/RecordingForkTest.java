package org.telehealth.media.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.telehealth.media.room.DoctorAndPatient.CAMERA;
import static org.telehealth.media.room.DoctorAndPatient.MICROPHONE;
import static org.telehealth.media.room.DoctorAndPatient.OPUS;
import static org.telehealth.media.room.DoctorAndPatient.VP8;
import static org.telehealth.media.room.DoctorAndPatient.rtp;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.telehealth.media.control.ControlException;
import org.telehealth.media.rtcp.Goodbye;
import org.telehealth.media.rtcp.PictureLossIndication;
import org.telehealth.media.rtcp.RtcpPacket;
import org.telehealth.media.rtcp.SenderReport;
import org.telehealth.media.rtcp.SourceDescription;
import org.telehealth.media.rtp.RtpPacket;
import org.telehealth.media.sdp.MediaKind;

/**
 * A doctor publishes a camera (VP8 with RTX) and a microphone (Opus) to a patient while the visit
 * is recorded: what the fork sends the recorder, packets through the real forwarder on a clock the
 * test moves.
 */
class RecordingForkTest {

    private static final InetSocketAddress RECORDER = new InetSocketAddress("127.0.0.1", 5004);

    private final DoctorAndPatient visit = new DoctorAndPatient();
    private final ForkPackets fork = new ForkPackets();

    RecordingForkTest() {
        PublishedTrack microphone = new PublishedTrack(MediaKind.AUDIO, MICROPHONE, OptionalLong.empty(), "doctor",
                "doctor-stream", "microphone", "0", List.of(), false);
        PublishedTrack camera = new PublishedTrack(MediaKind.VIDEO, CAMERA, OptionalLong.of(DoctorAndPatient.CAMERA_RTX),
                "doctor", "doctor-stream", "camera", "1", List.of(), false);
        visit.doctor.negotiated(new Participant.Negotiated(List.of(microphone, camera), Map.of(),
                DoctorAndPatient.EXTENSIONS, DoctorAndPatient.CODECS, OptionalInt.of(DoctorAndPatient.TRANSPORT_SEQUENCE_NUMBER_ID)));
    }

    private RecordingFork startRecording() {
        return visit.forwarder.startRecording(visit.room, "127.0.0.1", RECORDER, address -> fork);
    }

    @Test
    void shouldSendNothingAndKeepNothingForARoomThatIsNotRecorded() {
        visit.fromDoctor(rtp(MICROPHONE, OPUS, 1, 960, 1));

        assertThat(visit.room.recording()).isNull();
        assertThat(fork.kinds()).isEmpty();
        assertThat(visit.output.rtpTo(visit.patient)).hasSize(1);
    }

    @Test
    void shouldDescribeATrackInBandThenForwardItsPacketsOnItsSsrcWithoutHeaderExtensions() {
        startRecording();
        visit.fromDoctor(rtp(MICROPHONE, OPUS, 7, 960, 1));
        visit.fromDoctor(rtp(MICROPHONE, OPUS, 8, 1920, 2));

        assertThat(fork.kinds()).containsExactly("app", "rtp", "rtp");
        JsonNode description = fork.descriptions().get(0);
        assertThat(description.path("appSsrc").asLong()).isEqualTo(MICROPHONE);
        assertThat(description.path("participant").asText()).isEqualTo("doctor");
        assertThat(description.path("kind").asText()).isEqualTo("audio");
        assertThat(description.path("ssrc").asLong()).isEqualTo(MICROPHONE);
        assertThat(description.path("codecs").get(0).path("payloadType").asInt()).isEqualTo(OPUS);
        assertThat(description.path("codecs").get(0).path("name").asText()).isEqualTo("opus");
        assertThat(description.path("codecs").get(0).path("clockRate").asInt()).isEqualTo(48_000);

        RtpPacket first = fork.rtp().get(0);
        assertThat(first.ssrc()).isEqualTo(MICROPHONE);
        assertThat(first.payloadType()).isEqualTo(OPUS);
        assertThat(first.sequenceNumber()).isEqualTo(7);
        assertThat(first.timestamp()).isEqualTo(960);
        assertThat(first.hasHeaderExtension()).isFalse();
        assertThat(first.payloadLength()).isEqualTo(8);
        assertThat(visit.output.rtpTo(visit.patient)).as("receivers get their copies as before").hasSize(2);
    }

    @Test
    void shouldAskForAKeyframeWhenAVideoTrackJoinsTheFork() {
        startRecording();
        visit.fromDoctor(rtp(CAMERA, VP8, 100, 3000, 1));

        assertThat(plisToDoctor()).containsExactly(CAMERA);
        assertThat(fork.rtp()).extracting(RtpPacket::ssrc).containsExactly(CAMERA);
        assertThat(fork.descriptions()).extracting(d -> d.path("kind").asText()).containsExactly("video");
    }

    @Test
    void shouldRelayThePublishersSenderReportsOfForkedTracksWithTheirCname() {
        startRecording();
        visit.rtcpFromDoctor(List.of(new SenderReport(CAMERA, 0xAAAA_0000_0000L, 1234, 5, 500, List.of())));
        assertThat(fork.kinds()).as("a track that has not joined yet has no report").isEmpty();

        visit.fromDoctor(rtp(CAMERA, VP8, 100, 3000, 1));
        visit.rtcpFromDoctor(List.of(new SenderReport(CAMERA, 0xBBBB_0000_0000L, 4000, 6, 600, List.of()),
                SourceDescription.cname(CAMERA, "doctor-cname")));

        List<RtcpPacket> rtcp = fork.rtcp();
        SenderReport relayed = rtcp.stream().filter(SenderReport.class::isInstance).map(SenderReport.class::cast)
                .findFirst().orElseThrow();
        assertThat(relayed).isEqualTo(new SenderReport(CAMERA, 0xBBBB_0000_0000L, 4000, 6, 600, List.of()));
        assertThat(rtcp).contains(SourceDescription.cname(CAMERA, "doctor-cname"));
    }

    @Test
    void shouldDescribeEveryPublishedTrackWithItsCodecsBeforeItsFirstPacket() {
        RecordingDescription description = startRecording().describe();

        assertThat(description.room()).isEqualTo("visit");
        assertThat(description.host()).isEqualTo("127.0.0.1");
        assertThat(description.port()).isEqualTo(5004);
        assertThat(description.tracks()).extracting(RecordingDescription.Track::ssrc).containsExactlyInAnyOrder(MICROPHONE, CAMERA);
        RecordingDescription.Track camera = description.tracks().stream().filter(t -> t.ssrc() == CAMERA).findFirst().orElseThrow();
        assertThat(camera.participant()).isEqualTo("doctor");
        assertThat(camera.kind()).isEqualTo("video");
        assertThat(camera.active()).isTrue();
        assertThat(camera.codecs()).as("RTX is never forked").containsExactly(new RecordingDescription.Codec(VP8, "VP8", 90_000, 1));
    }

    @Test
    void shouldSendEachTracksDescriptionAgainEverySecond() {
        startRecording();
        visit.fromDoctor(rtp(MICROPHONE, OPUS, 1, 960, 1));
        fork.clear();

        visit.forwarder.tickRecording(visit.room);
        visit.advanceMillis(500);
        visit.forwarder.tickRecording(visit.room);
        visit.advanceMillis(600);
        visit.forwarder.tickRecording(visit.room);

        assertThat(fork.descriptions()).hasSize(2).allSatisfy(d -> assertThat(d.path("ssrc").asLong()).isEqualTo(MICROPHONE));
    }

    @Test
    void shouldEndTheTracksOfAParticipantWhoLeavesWithABye() {
        RecordingFork recording = startRecording();
        visit.fromDoctor(rtp(MICROPHONE, OPUS, 1, 960, 1));
        visit.fromDoctor(rtp(CAMERA, VP8, 1, 3000, 2));

        visit.room.remove("doctor");
        visit.forwarder.tickRecording(visit.room);

        assertThat(fork.rtcp()).filteredOn(Goodbye.class::isInstance).extracting(p -> ((Goodbye) p).ssrcs().get(0))
                .containsExactlyInAnyOrder(MICROPHONE, CAMERA);
        assertThat(recording.describe().tracks()).hasSize(2).noneMatch(RecordingDescription.Track::active);
    }

    @Test
    void shouldSayByeToEveryTrackAndCloseTheSocketWhenStoppedThenForwardNothing() {
        startRecording();
        visit.fromDoctor(rtp(MICROPHONE, OPUS, 1, 960, 1));

        assertThat(visit.forwarder.stopRecording(visit.room)).isTrue();
        assertThat(fork.rtcp()).containsExactly(new Goodbye(List.of(MICROPHONE), "recording stopped"));
        assertThat(fork.closed()).isTrue();
        assertThat(visit.room.recording()).isNull();

        visit.fromDoctor(rtp(MICROPHONE, OPUS, 2, 1920, 2));
        assertThat(fork.rtp()).hasSize(1);
    }

    @Test
    void shouldKeepTheForkForTheSameRecorderAndRefuseAnotherOne() {
        RecordingFork first = startRecording();

        assertThat(startRecording()).isSameAs(first);
        assertThatThrownBy(() -> visit.forwarder.startRecording(visit.room, "127.0.0.2",
                new InetSocketAddress("127.0.0.2", 5004), address -> new ForkPackets()))
                .isInstanceOf(ControlException.class).extracting(e -> ((ControlException) e).status()).isEqualTo(409);
    }

    private List<Long> plisToDoctor() {
        return visit.output.rtcpTo(visit.doctor).stream().flatMap(List::stream)
                .filter(PictureLossIndication.class::isInstance).map(p -> ((PictureLossIndication) p).mediaSsrc()).toList();
    }
}
