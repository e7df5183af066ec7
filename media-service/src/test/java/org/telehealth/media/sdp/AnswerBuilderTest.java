package org.telehealth.media.sdp;

import org.telehealth.media.stun.IceCredentials;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.telehealth.media.dtls.CertificateFingerprint;

class AnswerBuilderTest {

    private static final String LOCAL_FINGERPRINT = "sha-256 AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01"
            + ":23:45:67:89:AB:CD:EF:01:23:45:67:89";
    private static final OutgoingTrack CAMERA = OutgoingTrack.withRtx(1111, 2222, "participant-7", "stream-7", "camera-7");
    private static final List<String> TRANSPORT = List.of("a=ice-ufrag:SfUl", "a=ice-pwd:SfuPassword0123456789abcd",
            "a=fingerprint:" + LOCAL_FINGERPRINT, "a=setup:passive", "a=rtcp-mux");

    private final AnswerBuilder builder = new AnswerBuilder(new LocalEndpoint(8_765_432_109L,
            new IceCredentials("SfUl", "SfuPassword0123456789abcd"), CertificateFingerprint.parse(LOCAL_FINGERPRINT),
            List.of(candidate("203.0.113.10", 40000), candidate("203.0.113.10", 40001), candidate("2001:db8::7", 40000))));

    @Test
    void shouldAnswerAsAnIceLiteBundledSessionWithANewVersionOfItsOwnOrigin() throws Exception {
        SessionDescription answer = answerText(BrowserOffers.chrome(), 5, Map.of("2", CAMERA));

        assertThat(answer.origin()).isEqualTo(new Origin("-", "8765432109", "5", "IN", "IP4", "127.0.0.1"));
        assertThat(answer.timing()).isEqualTo(Timing.UNBOUNDED);
        assertThat(answer.attributes()).containsExactly(
                SdpAttribute.flag("ice-lite"),
                SdpAttribute.of("group", "BUNDLE 0 1 2"),
                SdpAttribute.flag("extmap-allow-mixed"),
                SdpAttribute.of("msid-semantic", " WMS *"));
        assertThat(answer.mediaSections()).extracting(m -> m.attributeValues("mid").get(0)).containsExactly("0", "1", "2", "3");
        assertThat(answer.mediaSections()).extracting(MediaSection::port).containsExactly(9, 9, 9, 0);
        assertThat(answer.mediaSections()).allSatisfy(m -> assertThat(m.connection()).contains(ConnectionData.UNSPECIFIED));
    }

    @Test
    void shouldAnswerChromesAudioWithOpusOnlyAndItsSupportedExtensions() throws Exception {
        MediaSection audio = answerText(BrowserOffers.chrome(), 1, Map.of()).mediaSections().get(0);

        assertThat(audio.protocol()).isEqualTo("UDP/TLS/RTP/SAVPF");
        assertThat(audio.formats()).containsExactly("111");
        assertThat(audio.attributeValues("rtpmap")).containsExactly("111 opus/48000/2");
        assertThat(audio.attributeValues("fmtp")).containsExactly("111 minptime=10;useinbandfec=1");
        assertThat(audio.attributeValues("rtcp-fb")).containsExactly("111 transport-cc");
        assertThat(audio.attributeValues("extmap")).containsExactly(
                "1 urn:ietf:params:rtp-hdrext:ssrc-audio-level",
                "2 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time",
                "3 http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01",
                "4 urn:ietf:params:rtp-hdrext:sdes:mid");
        assertThat(audio.hasAttribute("recvonly")).isTrue();
        assertThat(audio.hasAttribute("msid")).isFalse();
        assertThat(audio.hasAttribute("ssrc")).isFalse();
        assertThat(lines(audio)).containsAll(TRANSPORT);
    }

    @Test
    void shouldPutTheCandidatesOnlyInTheBundleTag() throws Exception {
        SessionDescription answer = answerText(BrowserOffers.chrome(), 1, Map.of("2", CAMERA));

        assertThat(answer.mediaSections().get(0).attributeValues("candidate")).containsExactly(
                "1 1 udp 2130706431 203.0.113.10 40000 typ host",
                "1 1 udp 2130706175 203.0.113.10 40001 typ host",
                "2 1 udp 2130705919 2001:db8:0:0:0:0:0:7 40000 typ host");
        assertThat(answer.mediaSections().get(0).hasAttribute("end-of-candidates")).isTrue();
        assertThat(answer.mediaSections().subList(1, 4)).allSatisfy(m -> {
            assertThat(m.hasAttribute("candidate")).isFalse();
            assertThat(m.hasAttribute("end-of-candidates")).isFalse();
        });
        assertThat(SdpWriter.write(answer).split("a=candidate:", -1)).hasSize(4);
    }

    @Test
    void shouldAnswerChromesSimulcastVideoWithVp8Vp9AndConstrainedBaselineH264AndTheirRtx() throws Exception {
        MediaSection video = answerText(BrowserOffers.chrome(), 1, Map.of()).mediaSections().get(1);

        assertThat(video.formats()).containsExactly("96", "97", "106", "107", "98", "99");
        assertThat(video.attributeValues("rtpmap")).containsExactly("96 VP8/90000", "97 rtx/90000", "106 H264/90000",
                "107 rtx/90000", "98 VP9/90000", "99 rtx/90000");
        assertThat(video.attributeValues("fmtp")).containsExactly("97 apt=96",
                "106 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f", "107 apt=106",
                "98 profile-id=0", "99 apt=98");
        assertThat(video.attributeValues("rtcp-fb")).containsExactly(
                "96 goog-remb", "96 transport-cc", "96 ccm fir", "96 nack", "96 nack pli",
                "106 goog-remb", "106 transport-cc", "106 ccm fir", "106 nack", "106 nack pli",
                "98 goog-remb", "98 transport-cc", "98 ccm fir", "98 nack", "98 nack pli");
        assertThat(video.attributeValues("extmap")).containsExactly(
                "2 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time",
                "4 http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01",
                "9 urn:ietf:params:rtp-hdrext:sdes:mid",
                "10 urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id",
                "11 urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id");
        assertThat(video.hasAttribute("recvonly")).isTrue();
        assertThat(video.attributeValues("rid")).containsExactly("q recv", "h recv", "f recv");
        assertThat(video.attributeValues("simulcast")).containsExactly("recv q;h;f");
        assertThat(lines(video)).containsAll(TRANSPORT);
    }

    @Test
    void shouldSendTheAssignedTrackOnARecvonlySectionWithItsMsidAndSsrcs() throws Exception {
        Answer answer = answer(BrowserOffers.chrome(), 1, Map.of("2", CAMERA));
        MediaSection video = answer.description().mediaSections().get(2);

        assertThat(video.hasAttribute("sendonly")).isTrue();
        assertThat(video.attributeValues("msid")).containsExactly("stream-7 camera-7");
        assertThat(video.attributeValues("ssrc-group")).containsExactly("FID 1111 2222");
        assertThat(video.attributeValues("ssrc")).containsExactly("1111 cname:participant-7", "2222 cname:participant-7");
        assertThat(video.attributeValues("rid")).isEmpty();
        assertThat(answer.media("2").orElseThrow().sentTrack()).contains(CAMERA);
    }

    @Test
    void shouldOfferRembAndAbsSendTimeOnWhatItSendsButNeitherTransportCcNorRids() throws Exception {
        MediaSection video = answerText(BrowserOffers.chrome(), 1, Map.of("2", CAMERA)).mediaSections().get(2);

        assertThat(video.attributeValues("extmap")).containsExactly(
                "2 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time",
                "9 urn:ietf:params:rtp-hdrext:sdes:mid");
        assertThat(video.attributeValues("rtcp-fb")).contains("96 goog-remb", "96 nack", "96 nack pli")
                .noneMatch(feedback -> feedback.contains("transport-cc"));
    }

    @Test
    void shouldLeaveARecvonlySectionWithoutTrackInactiveButBundled() throws Exception {
        Answer answer = answer(BrowserOffers.chrome(), 1, Map.of());
        MediaSection video = answer.description().mediaSections().get(2);

        assertThat(video.port()).isEqualTo(9);
        assertThat(video.hasAttribute("inactive")).isTrue();
        assertThat(video.hasAttribute("msid")).isFalse();
        assertThat(video.hasAttribute("ssrc")).isFalse();
        assertThat(video.formats()).containsExactly("96", "97", "106", "107", "98", "99");
        assertThat(answer.media("2").orElseThrow()).satisfies(media -> {
            assertThat(media.accepted()).isTrue();
            assertThat(media.direction()).isEqualTo(Direction.INACTIVE);
            assertThat(media.sentTrack()).isEmpty();
        });
    }

    @Test
    void shouldRejectTheDataChannelWithPortZeroAndInactive() throws Exception {
        MediaSection application = answerText(BrowserOffers.chrome(), 1, Map.of()).mediaSections().get(3);

        assertThat(application.media()).isEqualTo("application");
        assertThat(application.port()).isZero();
        assertThat(application.protocol()).isEqualTo("UDP/DTLS/SCTP");
        assertThat(application.formats()).containsExactly("webrtc-datachannel");
        assertThat(application.attributes()).containsExactly(SdpAttribute.of("mid", "3"), SdpAttribute.flag("inactive"));
    }

    @Test
    void shouldDescribeWhatWasAgreedForThePipeline() throws Exception {
        Answer answer = answer(BrowserOffers.chrome(), 1, Map.of("2", CAMERA));

        assertThat(answer.media()).extracting(AnsweredMedia::direction)
                .containsExactly(Direction.RECVONLY, Direction.RECVONLY, Direction.SENDONLY, Direction.INACTIVE);
        assertThat(answer.media()).extracting(AnsweredMedia::accepted).containsExactly(true, true, true, false);
        AnsweredMedia video = answer.media("1").orElseThrow();
        assertThat(video.codecs()).filteredOn(Codec::isRtx).extracting(c -> c.associatedPayloadType().getAsInt())
                .containsExactly(96, 106, 98);
        assertThat(video.headerExtension(HeaderExtension.RTP_STREAM_ID)).map(HeaderExtension::id).contains(10);
        assertThat(video.rids()).extracting(Rid::id).containsExactly("q", "h", "f");
        assertThat(answer.sdp()).isEqualTo(SdpWriter.write(answer.description()));
    }

    @Test
    void shouldAnswerFirefoxKeepingItsPayloadTypesAndDroppingPacketizationModeZero() throws Exception {
        SessionDescription answer = answerText(BrowserOffers.firefox(), 1, Map.of());
        MediaSection audio = answer.mediaSections().get(0);
        MediaSection video = answer.mediaSections().get(1);
        MediaSection receivingAudio = answer.mediaSections().get(2);

        assertThat(answer.attributes()).containsExactly(SdpAttribute.flag("ice-lite"), SdpAttribute.of("group", "BUNDLE 0 1 2"),
                SdpAttribute.of("msid-semantic", " WMS *"));
        assertThat(audio.formats()).containsExactly("109");
        assertThat(audio.attributeValues("fmtp")).containsExactly("109 maxplaybackrate=48000;stereo=1;useinbandfec=1");
        assertThat(audio.attributeValues("rtcp-fb")).isEmpty();
        assertThat(audio.attributeValues("extmap")).containsExactly("1 urn:ietf:params:rtp-hdrext:ssrc-audio-level",
                "3 urn:ietf:params:rtp-hdrext:sdes:mid");
        assertThat(audio.hasAttribute("recvonly")).isTrue();
        assertThat(video.formats()).containsExactly("120", "124", "121", "125", "126", "127");
        assertThat(video.attributeValues("fmtp")).containsExactly("120 max-fs=12288;max-fr=60", "124 apt=120",
                "121 max-fs=12288;max-fr=60", "125 apt=121",
                "126 profile-level-id=42e01f;level-asymmetry-allowed=1;packetization-mode=1", "127 apt=126");
        assertThat(video.attributeValues("extmap")).containsExactly("3 urn:ietf:params:rtp-hdrext:sdes:mid",
                "4 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time",
                "7 http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01");
        assertThat(video.attributeValues("rtcp-fb")).hasSize(15).doesNotContain("124 nack");
        assertThat(video.hasAttribute("recvonly")).isTrue();
        assertThat(video.hasAttribute("simulcast")).isFalse();
        assertThat(receivingAudio.port()).isEqualTo(9);
        assertThat(receivingAudio.hasAttribute("inactive")).isTrue();
        assertThat(answer.mediaSections()).allSatisfy(m -> assertThat(lines(m)).containsAll(TRANSPORT));
    }

    @Test
    void shouldSendAnAudioTrackToFirefoxWithoutRtxEvenIfOneWasAssigned() throws Exception {
        OutgoingTrack microphone = OutgoingTrack.withRtx(3333, 4444, "participant-8", "stream-8", "microphone-8");

        Answer answer = answer(BrowserOffers.firefox(), 1, Map.of("2", microphone));
        MediaSection audio = answer.description().mediaSections().get(2);

        assertThat(audio.hasAttribute("sendonly")).isTrue();
        assertThat(audio.attributeValues("msid")).containsExactly("stream-8 microphone-8");
        assertThat(audio.attributeValues("ssrc")).containsExactly("3333 cname:participant-8");
        assertThat(audio.hasAttribute("ssrc-group")).isFalse();
        assertThat(answer.media("2").orElseThrow().sentTrack())
                .contains(OutgoingTrack.withoutRtx(3333, "participant-8", "stream-8", "microphone-8"));
    }

    @Test
    void shouldAcceptARealFirefoxOfferWhoseVideoSectionIsBundleOnly() throws Exception {
        Answer answer = answer(BrowserOffers.firefoxEsr(), 1, Map.of());
        SessionDescription text = SdpParser.parse(answer.sdp());
        MediaSection video = text.mediaSections().get(1);

        assertThat(answer.media()).extracting(AnsweredMedia::accepted).containsExactly(true, true);
        assertThat(text.attributeValues("group")).containsExactly("BUNDLE 0 1");
        assertThat(video.port()).as("accepted in the bundle, not rejected for its port 0").isEqualTo(9);
        assertThat(video.hasAttribute("bundle-only")).isFalse();
        assertThat(video.hasAttribute("recvonly")).isTrue();
        assertThat(video.attributeValues("rtpmap")).as("Firefox's numbers; AV1, red and ulpfec dropped")
                .containsExactly("120 VP8/90000", "124 rtx/90000", "121 VP9/90000", "125 rtx/90000");
        assertThat(video.attributeValues("extmap")).containsExactly("3 urn:ietf:params:rtp-hdrext:sdes:mid",
                "4 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time",
                "7 http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01");
        assertThat(text.mediaSections().get(0).attributeValues("rtpmap")).containsExactly("109 opus/48000/2");
        assertThat(text.mediaSections()).allSatisfy(m -> assertThat(lines(m)).containsAll(TRANSPORT));
        assertThat(answer.sdp()).doesNotContain("a=rtcp:").doesNotContain("192.0.2.2");
    }

    @Test
    void shouldAnswerFirefoxsSimulcastWithItsLayersInItsOrder() throws Exception {
        Answer answer = answer(BrowserOffers.firefoxEsrSimulcast(), 1, Map.of());
        AnsweredMedia camera = answer.media("1").orElseThrow();
        MediaSection video = SdpParser.parse(answer.sdp()).mediaSections().get(1);

        assertThat(camera.rids()).extracting(Rid::id).containsExactly("q", "h", "f");
        assertThat(video.attributeValues("simulcast")).containsExactly("recv q;h;f");
        assertThat(video.attributeValues("rid")).containsExactly("q recv", "h recv", "f recv");
        assertThat(video.attributeValues("extmap")).contains("9/recvonly urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id",
                "10/recvonly urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id")
                .noneMatch(extmap -> extmap.contains("dependency-descriptor"));
        assertThat(video.hasAttribute("ssrc")).isFalse();
    }

    @Test
    void shouldAnswerSafariWithVp8FirstThenConstrainedBaselineH264AndNeitherHighProfileNorH265() throws Exception {
        SessionDescription answer = answerText(BrowserOffers.safari(), 1, Map.of());
        MediaSection video = answer.mediaSections().get(1);

        assertThat(answer.attributeValues("group")).containsExactly("BUNDLE 0 1");
        assertThat(answer.mediaSections().get(0).formats()).containsExactly("111");
        // Safari offers H.264 first and sends with the answer's first codec: VP8 first keeps the room on one codec
        assertThat(video.formats()).containsExactly("106", "107", "98", "99", "108", "109");
        assertThat(video.attributeValues("rtpmap")).containsExactly("106 VP8/90000", "107 rtx/90000", "98 H264/90000",
                "99 rtx/90000", "108 VP9/90000", "109 rtx/90000");
        assertThat(video.attributeValues("fmtp")).containsExactly("107 apt=106",
                "98 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f", "99 apt=98",
                "108 profile-id=0", "109 apt=108");
        assertThat(video.attributeValues("extmap")).containsExactly(
                "2 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time",
                "3 http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01",
                "4 urn:ietf:params:rtp-hdrext:sdes:mid",
                "10 urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id",
                "11 urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id");
        assertThat(video.hasAttribute("recvonly")).isTrue();
        assertThat(answer.mediaSections().get(0).attributeValues("candidate")).hasSize(3);
        assertThat(video.hasAttribute("candidate")).isFalse();
    }

    @Test
    void shouldAnswerAnInactiveSectionInactive() throws Exception {
        String offer = BrowserOffers.chrome().replace("a=sendonly", "a=inactive");

        MediaSection video = answerText(offer, 1, Map.of()).mediaSections().get(1);

        assertThat(video.hasAttribute("inactive")).isTrue();
        assertThat(video.hasAttribute("simulcast")).isFalse();
    }

    @Test
    void shouldIgnoreATrackAssignedToASectionTheBrowserSendsOn() throws Exception {
        Answer answer = answer(BrowserOffers.chrome(), 1, Map.of("1", CAMERA, "9", CAMERA));

        assertThat(answer.media("1").orElseThrow().direction()).isEqualTo(Direction.RECVONLY);
        assertThat(answer.media("1").orElseThrow().sentTrack()).isEmpty();
        assertThat(answer.description().mediaSections().get(1).hasAttribute("ssrc")).isFalse();
    }

    @Test
    void shouldRejectASectionWithoutAnyCodecTheSfuForwards() throws Exception {
        String offer = BrowserOffers.safari()
                .replace("m=audio 9 UDP/TLS/RTP/SAVPF 111 63 9 0 8 13 110 126", "m=audio 9 UDP/TLS/RTP/SAVPF 9 0 8")
                .replace("a=group:BUNDLE 0 1", "a=group:BUNDLE 1 0");

        Answer answer = answer(offer, 1, Map.of());

        assertThat(answer.description().mediaSections().get(0).port()).isZero();
        assertThat(answer.description().mediaSections().get(0).formats()).containsExactly("9", "0", "8");
        assertThat(answer.description().attributeValues("group")).containsExactly("BUNDLE 1");
        assertThat(answer.description().mediaSections().get(1).attributeValues("candidate")).hasSize(3);
    }

    @Test
    void shouldRejectASectionOfferedWithoutDtlsSrtp() throws Exception {
        String offer = BrowserOffers.editingSection(BrowserOffers.chrome(), 2,
                section -> section.replace("m=video 9 UDP/TLS/RTP/SAVPF ", "m=video 9 RTP/AVP "));

        MediaSection video = answerText(offer, 1, Map.of("2", CAMERA)).mediaSections().get(2);

        assertThat(video.port()).isZero();
        assertThat(video.protocol()).isEqualTo("RTP/AVP");
        assertThat(video.hasAttribute("inactive")).isTrue();
    }

    @Test
    void shouldRejectASectionOutsideTheBundleGroup() throws Exception {
        String offer = BrowserOffers.chrome().replace("a=group:BUNDLE 0 1 2 3", "a=group:BUNDLE 0 1 3");

        SessionDescription answer = answerText(offer, 1, Map.of("2", CAMERA));

        assertThat(answer.mediaSections().get(2).port()).isZero();
        assertThat(answer.attributeValues("group")).containsExactly("BUNDLE 0 1");
    }

    @Test
    void shouldRefuseAnOfferWhoseBundleTagItCannotServe() throws Exception {
        String offer = BrowserOffers.chrome().replace("a=group:BUNDLE 0 1 2 3", "a=group:BUNDLE 3 0 1 2");
        Offer read = OfferReader.read(SdpParser.parse(offer));

        assertThatThrownBy(() -> builder.answer(read, 1, Map.of()))
                .isInstanceOf(UnacceptableOfferException.class)
                .hasMessageContaining("the first m-section of the BUNDLE group (mid 3, application)")
                .satisfies(e -> assertThat(((UnacceptableOfferException) e).reason())
                        .isEqualTo(UnacceptableOfferException.Reason.BUNDLE_TAG_REJECTED));
    }

    @Test
    void shouldReceiveAtMostThreeSimulcastLayersKeepingPausedOnesPaused() throws Exception {
        String offer = BrowserOffers.chrome().replace("a=simulcast:send q;h;f", "a=simulcast:send ~q,x;h;f;z")
                .replace("a=rid:f send", "a=rid:f send\r\na=rid:x send pt=96;max-width=320\r\na=rid:z send");

        MediaSection video = answerText(offer, 1, Map.of()).mediaSections().get(1);

        assertThat(video.attributeValues("rid")).containsExactly("q recv", "h recv", "f recv");
        assertThat(video.attributeValues("simulcast")).containsExactly("recv ~q;h;f");
    }

    @Test
    void shouldNotAcceptSimulcastWhenRidsCannotBeReadFromPackets() throws Exception {
        String offer = BrowserOffers.chrome().replace("a=extmap:10 urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id\r\n", "");

        Answer answer = answer(offer, 1, Map.of());

        assertThat(answer.description().mediaSections().get(1).hasAttribute("rid")).isFalse();
        assertThat(answer.description().mediaSections().get(1).hasAttribute("simulcast")).isFalse();
        assertThat(answer.media("1").orElseThrow().simulcast()).isEmpty();
    }

    @Test
    void shouldRepeatAMediaLevelExtmapAllowMixed() throws Exception {
        String offer = BrowserOffers.chrome().replace("a=extmap-allow-mixed\r\n", "")
                .replace("a=mid:0", "a=mid:0\r\na=extmap-allow-mixed");

        SessionDescription answer = answerText(offer, 1, Map.of());

        assertThat(answer.hasAttribute("extmap-allow-mixed")).isFalse();
        assertThat(answer.mediaSections().get(0).hasAttribute("extmap-allow-mixed")).isTrue();
        assertThat(answer.mediaSections().get(1).hasAttribute("extmap-allow-mixed")).isFalse();
    }

    @Test
    void shouldTurnAnExtensionDirectionToTheSfusSide() throws Exception {
        String offer = BrowserOffers.chrome().replace("a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid",
                "a=extmap:4/sendonly urn:ietf:params:rtp-hdrext:sdes:mid");

        MediaSection audio = answerText(offer, 1, Map.of()).mediaSections().get(0);

        assertThat(audio.attributeValues("extmap")).contains("4/recvonly urn:ietf:params:rtp-hdrext:sdes:mid");
    }

    @Test
    void shouldWriteAnAnswerItsOwnParserReadsBackUnchanged() throws Exception {
        for (String offer : List.of(BrowserOffers.chrome(), BrowserOffers.firefox(), BrowserOffers.firefoxEsr(),
                BrowserOffers.firefoxEsrSimulcast(), BrowserOffers.safari())) {
            Answer answer = answer(offer, 3, Map.of("2", CAMERA));

            assertThat(SdpParser.parse(answer.sdp())).isEqualTo(answer.description());
            assertThat(answer.sdp()).endsWith("\r\n").doesNotContain("\n\n").doesNotContain("null");
        }
    }

    @Test
    void shouldComputeHostCandidatePrioritiesAsRfc8445Says() {
        assertThat(HostCandidateAttributes.priority(65_535)).isEqualTo(2_130_706_431L);
        assertThat(HostCandidateAttributes.priority(0)).isEqualTo((126L << 24) + 255);
    }

    @Test
    void shouldRefuseLocalParametersThatCannotBeAnnounced() throws UnknownHostException {
        assertThatThrownBy(() -> candidate("0.0.0.0", 40000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> candidate("203.0.113.10", 0)).isInstanceOf(IllegalArgumentException.class);
        IceCredentials ice = new IceCredentials("SfUl", "SfuPassword0123456789abcd");
        CertificateFingerprint fingerprint = CertificateFingerprint.parse(LOCAL_FINGERPRINT);
        assertThatThrownBy(() -> new LocalEndpoint(1, ice, fingerprint, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OutgoingTrack.withRtx(5, 5, "c", "s", "t"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OutgoingTrack.withoutRtx(1L << 32, "c", "s", "t"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OutgoingTrack.withoutRtx(1, "two words", "s", "t"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OutgoingTrack.withoutRtx(1, "c", "s", ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new HostCandidate(InetAddress.getByName("fe80::1%1"), 5).addressText())
                .isEqualTo("fe80:0:0:0:0:0:0:1");
    }

    private Answer answer(String offer, long version, Map<String, OutgoingTrack> tracks) throws Exception {
        return builder.answer(OfferReader.read(SdpParser.parse(offer)), version, tracks);
    }

    /** The answer as the browser reads it: written, then parsed again. */
    private SessionDescription answerText(String offer, long version, Map<String, OutgoingTrack> tracks) throws Exception {
        return SdpParser.parse(answer(offer, version, tracks).sdp());
    }

    private static List<String> lines(MediaSection section) {
        return section.attributes().stream().map(a -> "a=" + a.name() + a.value().map(v -> ":" + v).orElse("")).toList();
    }

    private static HostCandidate candidate(String address, int port) {
        try {
            return new HostCandidate(InetAddress.getByName(address), port);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
