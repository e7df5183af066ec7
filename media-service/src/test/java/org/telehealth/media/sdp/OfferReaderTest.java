package org.telehealth.media.sdp;

import org.telehealth.media.stun.IceCredentials;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.telehealth.media.sdp.UnacceptableOfferException.Reason.INVALID_BUNDLE;
import static org.telehealth.media.sdp.UnacceptableOfferException.Reason.INVALID_MID;
import static org.telehealth.media.sdp.UnacceptableOfferException.Reason.MALFORMED_ATTRIBUTE;
import static org.telehealth.media.sdp.UnacceptableOfferException.Reason.NO_BUNDLE;
import static org.telehealth.media.sdp.UnacceptableOfferException.Reason.NO_FINGERPRINT;
import static org.telehealth.media.sdp.UnacceptableOfferException.Reason.NO_ICE_CREDENTIALS;
import static org.telehealth.media.sdp.UnacceptableOfferException.Reason.NO_RTCP_MUX;
import static org.telehealth.media.sdp.UnacceptableOfferException.Reason.UNSUPPORTED_FINGERPRINT_ALGORITHM;
import static org.telehealth.media.sdp.UnacceptableOfferException.Reason.UNSUPPORTED_SETUP_ROLE;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.telehealth.media.dtls.CertificateFingerprint;
import org.telehealth.media.sdp.UnacceptableOfferException.Reason;

class OfferReaderTest {

    private static final String CHROME_FINGERPRINT = "sha-256 4E:1A:7C:D2:90:3B:F5:68:0C:E7:A1:52:9D:36:B4:0F:C8:71:2E:95:DA"
            + ":43:6B:F0:17:8C:A9:54:E2:3D:06:BF";

    @Test
    void shouldReadTheBundledTransportOfAChromeOffer() throws Exception {
        Offer offer = read(BrowserOffers.chrome());

        assertThat(offer.bundleGroup()).containsExactly("0", "1", "2", "3");
        assertThat(offer.bundleTag()).isEqualTo("0");
        assertThat(offer.extmapAllowMixed()).isTrue();
        assertThat(offer.iceCredentials()).isEqualTo(new IceCredentials("Xq3v", "hS6tMf2q9RkW1pYdC8uZ0aLn"));
        assertThat(offer.fingerprint().matches(CertificateFingerprint.parse(CHROME_FINGERPRINT))).isTrue();
        assertThat(offer.setup()).isEqualTo(SetupRole.ACTPASS);
        assertThat(offer.media()).extracting(OfferedMedia::mid).containsExactly("0", "1", "2", "3");
        assertThat(offer.media()).extracting(OfferedMedia::kind)
                .containsExactly(MediaKind.AUDIO, MediaKind.VIDEO, MediaKind.VIDEO, MediaKind.OTHER);
        assertThat(offer.media()).extracting(OfferedMedia::direction)
                .containsExactly(Direction.SENDRECV, Direction.SENDONLY, Direction.RECVONLY, Direction.SENDRECV);
        assertThat(offer.media()).extracting(OfferedMedia::rtcpMux).containsExactly(true, true, true, false);
        assertThat(offer.media()).allSatisfy(media -> {
            assertThat(media.enabled()).isTrue();
            assertThat(media.iceCredentials()).contains(offer.iceCredentials());
            assertThat(media.setup()).isEqualTo(SetupRole.ACTPASS);
        });
    }

    @Test
    void shouldReadTheAudioCodecsOfAChromeOfferInPreferenceOrder() throws Exception {
        OfferedMedia audio = read(BrowserOffers.chrome()).media("0").orElseThrow();

        assertThat(audio.codecs()).extracting(Codec::payloadType).containsExactly(111, 63, 9, 0, 8, 13, 110, 126);
        assertThat(audio.codec(111)).contains(new Codec(111, "opus", 48000, 2,
                Map.of("minptime", "10", "useinbandfec", "1"), List.of(RtcpFeedback.of("transport-cc"))));
        assertThat(audio.codec(111).orElseThrow().parameters().keySet()).containsExactly("minptime", "useinbandfec");
        assertThat(audio.codec(63).orElseThrow().parameters()).containsExactly(Map.entry("111/111", ""));
        assertThat(audio.codec(0)).contains(new Codec(0, "PCMU", 8000, 1, Map.of(), List.of()));
        assertThat(audio.headerExtensions()).containsExactly(
                new HeaderExtension(1, Optional.empty(), HeaderExtension.AUDIO_LEVEL, Optional.empty()),
                new HeaderExtension(2, Optional.empty(), HeaderExtension.ABS_SEND_TIME, Optional.empty()),
                new HeaderExtension(3, Optional.empty(), HeaderExtension.TRANSPORT_WIDE_CC, Optional.empty()),
                new HeaderExtension(4, Optional.empty(), HeaderExtension.MID, Optional.empty()));
        assertThat(audio.ssrcs()).containsExactly(new Ssrc(3735928559L, Optional.of("r8Kq2VhX0nTzLp4e")));
        assertThat(audio.msids()).containsExactly(
                Msid.of("5d1f8a4e-6b0c-4f4e-9d2a-7c3b1e0f9a62", "0b6e2c1d-93f4-4a8e-b5d7-2f1c6e9a0d34"));
        assertThat(audio.rids()).isEmpty();
        assertThat(audio.simulcast()).isEmpty();
    }

    @Test
    void shouldReadTheVideoCodecsRtxAndSimulcastOfAChromeOffer() throws Exception {
        OfferedMedia video = read(BrowserOffers.chrome()).media("1").orElseThrow();

        assertThat(video.codecs()).extracting(Codec::payloadType)
                .containsExactly(96, 97, 102, 103, 104, 105, 106, 107, 108, 109, 127, 125, 39, 40, 45, 46, 98, 99, 100, 101,
                        112, 113, 116, 117, 118);
        assertThat(video.codec(96).orElseThrow().feedback()).containsExactly(RtcpFeedback.of("goog-remb"),
                RtcpFeedback.of("transport-cc"), RtcpFeedback.of("ccm", "fir"), RtcpFeedback.of("nack"),
                RtcpFeedback.of("nack", "pli"));
        Codec rtx = video.codec(97).orElseThrow();
        assertThat(rtx.isRtx()).isTrue();
        assertThat(rtx.associatedPayloadType()).isEqualTo(OptionalInt.of(96));
        assertThat(video.codec(106).orElseThrow().parameter("PROFILE-LEVEL-ID")).contains("42e01f");
        assertThat(video.codec(45).orElseThrow().name()).isEqualTo("AV1");
        assertThat(video.codec(96).orElseThrow().associatedPayloadType()).isEmpty();
        assertThat(video.headerExtensions()).extracting(HeaderExtension::id).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        assertThat(video.headerExtension(HeaderExtension.RTP_STREAM_ID)).map(HeaderExtension::id).contains(10);
        assertThat(video.rids()).containsExactly(new Rid("q", Rid.Direction.SEND, List.of()),
                new Rid("h", Rid.Direction.SEND, List.of()), new Rid("f", Rid.Direction.SEND, List.of()));
        assertThat(video.simulcast()).contains(new Simulcast(List.of(stream("q"), stream("h"), stream("f")), List.of()));
        assertThat(video.ssrcs()).isEmpty();
    }

    @Test
    void shouldReadTheBandwidthAndContentOfASectionTakingTheLowerOfAsAndTias() throws Exception {
        String offer = BrowserOffers.editingSection(BrowserOffers.chrome(), 2,
                section -> section.replace("c=IN IP4 0.0.0.0\r\n", "c=IN IP4 0.0.0.0\r\nb=AS:150\r\nb=TIAS:120000\r\n"));
        offer = BrowserOffers.editingSection(offer, 1, section -> section.replace("a=sendonly", "a=sendonly\r\na=content:slides"));

        OfferedMedia receiving = read(offer).media("2").orElseThrow();
        OfferedMedia sending = read(offer).media("1").orElseThrow();

        assertThat(receiving.bandwidths()).containsExactly(new Bandwidth("AS", 150), new Bandwidth("TIAS", 120_000));
        assertThat(receiving.bandwidthBps()).hasValue(120_000);
        assertThat(sending.content()).contains("slides");
        assertThat(sending.bandwidthBps()).isEmpty();
        assertThat(receiving.content()).isEmpty();
    }

    @Test
    void shouldReadTheDataChannelSectionWithoutRtpDetails() throws Exception {
        OfferedMedia application = read(BrowserOffers.chrome()).media("3").orElseThrow();

        assertThat(application.media()).isEqualTo("application");
        assertThat(application.protocol()).isEqualTo("UDP/DTLS/SCTP");
        assertThat(application.formats()).containsExactly("webrtc-datachannel");
        assertThat(application.codecs()).isEmpty();
        assertThat(application.headerExtensions()).isEmpty();
    }

    @Test
    void shouldTakeFirefoxsSessionLevelFingerprintAndItsSsrcGroups() throws Exception {
        Offer offer = read(BrowserOffers.firefox());
        OfferedMedia video = offer.media("1").orElseThrow();

        assertThat(offer.bundleGroup()).containsExactly("0", "1", "2");
        assertThat(offer.extmapAllowMixed()).isFalse();
        assertThat(offer.media()).allSatisfy(media -> assertThat(media.fingerprint()).contains(offer.fingerprint()));
        assertThat(offer.iceCredentials()).isEqualTo(new IceCredentials("a3e5c7b1", "6f0c2b8e41d97a35c1e48b02f6d9a713"));
        assertThat(video.direction()).isEqualTo(Direction.SENDRECV);
        assertThat(video.ssrcs()).extracting(Ssrc::id).containsExactly(2476302911L, 902583147L);
        assertThat(video.ssrcs()).extracting(Ssrc::cname).containsOnly(Optional.of("{3f9a2c7d-5e81-4b06-9c2f-7a1d8e4b6c53}"));
        assertThat(video.ssrcGroups(SsrcGroup.FID)).containsExactly(new SsrcGroup("FID", List.of(2476302911L, 902583147L)));
        assertThat(video.codec(121).orElseThrow().parameters()).containsExactly(Map.entry("max-fs", "12288"),
                Map.entry("max-fr", "60"));
        assertThat(video.headerExtension("http://www.webrtc.org/experiments/rtp-hdrext/playout-delay"))
                .map(HeaderExtension::direction).contains(Optional.of(Direction.RECVONLY));
        assertThat(offer.media("0").orElseThrow().codec(101).orElseThrow().parameters())
                .containsExactly(Map.entry("0-15", ""));
        assertThat(offer.media("2").orElseThrow().direction()).isEqualTo(Direction.RECVONLY);
    }

    @Test
    void shouldReadSafarisSsrcsAndH264Profiles() throws Exception {
        OfferedMedia video = read(BrowserOffers.safari()).media("1").orElseThrow();

        assertThat(video.codecs()).extracting(Codec::name).startsWith("H264", "rtx", "H264", "rtx").contains("H265", "VP9");
        assertThat(video.ssrcGroups(SsrcGroup.FID)).containsExactly(new SsrcGroup("FID", List.of(2849107365L, 3170462958L)));
        assertThat(video.headerExtension(HeaderExtension.MID)).map(HeaderExtension::id).contains(4);
    }

    @Test
    void shouldFallBackToSessionLevelIceCredentials() throws Exception {
        String offer = BrowserOffers.withoutLinesStartingWith(BrowserOffers.chrome(), "a=ice-");
        offer = offer.replace("a=group:BUNDLE", "a=ice-ufrag:Sess\r\na=ice-pwd:SessionLevelPassword123456\r\na=group:BUNDLE");

        assertThat(read(offer).iceCredentials()).isEqualTo(new IceCredentials("Sess", "SessionLevelPassword123456"));
    }

    @Test
    void shouldPreferTheSha256AmongSeveralFingerprints() throws Exception {
        String offer = BrowserOffers.chrome().replace("a=fingerprint:" + CHROME_FINGERPRINT,
                "a=fingerprint:sha-512 AA:BB\r\na=fingerprint:" + CHROME_FINGERPRINT);

        assertThat(read(offer).fingerprint().toString()).isEqualTo(CHROME_FINGERPRINT);
    }

    @Test
    void shouldAcceptAnActiveOffererAndAnOffererThatSaysNothing() throws Exception {
        String chrome = BrowserOffers.chrome();

        assertThat(read(chrome.replace("a=setup:actpass", "a=setup:active")).setup()).isEqualTo(SetupRole.ACTIVE);
        assertThat(read(BrowserOffers.without(chrome, "a=setup:actpass")).setup()).isEqualTo(SetupRole.ACTIVE);
    }

    @Test
    void shouldTreatAStoppedSectionAsDisabledAndIgnoreWhatItCarries() throws Exception {
        String offer = BrowserOffers.editingSection(BrowserOffers.chrome(), 1,
                section -> section.replace("m=video 9 ", "m=video 0 ").replace("a=rid:q send", "a=rid:?? what"))
                .replace("a=group:BUNDLE 0 1 2 3", "a=group:BUNDLE 0 2 3");

        OfferedMedia stopped = read(offer).media("1").orElseThrow();

        assertThat(stopped.enabled()).isFalse();
        assertThat(stopped.direction()).isEqualTo(Direction.INACTIVE);
        assertThat(stopped.codecs()).isEmpty();
        assertThat(stopped.rids()).isEmpty();
        assertThat(stopped.formats()).startsWith("96", "97");
    }

    @Test
    void shouldTreatABundleOnlySectionWithPortZeroAsEnabled() throws Exception {
        String offer = BrowserOffers.editingSection(BrowserOffers.chrome(), 1,
                section -> section.replace("m=video 9 ", "m=video 0 ").replace("a=mid:1", "a=mid:1\r\na=bundle-only"));

        OfferedMedia bundleOnly = read(offer).media("1").orElseThrow();

        assertThat(bundleOnly.enabled()).isTrue();
        assertThat(bundleOnly.rids()).hasSize(3);
    }

    static Stream<Arguments> unacceptableOffers() {
        String chrome = BrowserOffers.chrome();
        String firefox = BrowserOffers.firefox();
        return Stream.of(
                Arguments.of("no BUNDLE group", BrowserOffers.without(chrome, "a=group:BUNDLE 0 1 2 3"), NO_BUNDLE,
                        "no a=group:BUNDLE"),
                Arguments.of("an empty BUNDLE group", chrome.replace("a=group:BUNDLE 0 1 2 3", "a=group:BUNDLE"), NO_BUNDLE,
                        "no a=group:BUNDLE"),
                Arguments.of("a BUNDLE group naming an unknown mid", chrome.replace("BUNDLE 0 1 2 3", "BUNDLE 0 1 2 3 7"),
                        INVALID_BUNDLE, "names mid '7', which no m-section has"),
                Arguments.of("two BUNDLE groups",
                        chrome.replace("a=group:BUNDLE 0 1 2 3", "a=group:BUNDLE 0 1\r\na=group:BUNDLE 2 3"),
                        INVALID_BUNDLE, "more than one a=group:BUNDLE"),
                Arguments.of("a BUNDLE group listing a mid twice", chrome.replace("BUNDLE 0 1 2 3", "BUNDLE 0 1 1 2 3"),
                        INVALID_BUNDLE, "lists a mid twice"),
                Arguments.of("no rtcp-mux on the video", rtcpMuxRemovedFromSection(chrome, 1), NO_RTCP_MUX,
                        "m-section 2 (video): no a=rtcp-mux"),
                Arguments.of("no ICE credentials", BrowserOffers.withoutLinesStartingWith(chrome, "a=ice-pwd"),
                        NO_ICE_CREDENTIALS, "m-section 1 (audio): no a=ice-ufrag and a=ice-pwd"),
                Arguments.of("an ICE password too short", chrome.replace("a=ice-pwd:hS6tMf2q9RkW1pYdC8uZ0aLn", "a=ice-pwd:short"),
                        MALFORMED_ATTRIBUTE, "an ice-pwd is 22 to 256"),
                Arguments.of("an ICE ufrag with a space", chrome.replace("a=ice-ufrag:Xq3v", "a=ice-ufrag:Xq 3v"),
                        MALFORMED_ATTRIBUTE, "an ice-ufrag is 4 to 256"),
                Arguments.of("no fingerprint", BrowserOffers.withoutLinesStartingWith(chrome, "a=fingerprint"), NO_FINGERPRINT,
                        "no a=fingerprint"),
                Arguments.of("no fingerprint in Firefox's session",
                        BrowserOffers.withoutLinesStartingWith(firefox, "a=fingerprint"), NO_FINGERPRINT, "no a=fingerprint"),
                Arguments.of("a sha-1 fingerprint", chrome.replace("a=fingerprint:sha-256 4E:1A",
                        "a=fingerprint:sha-1 4E:1A"), UNSUPPORTED_FINGERPRINT_ALGORITHM,
                        "a=fingerprint uses 'sha-1'; only sha-256 is accepted"),
                Arguments.of("a sha-256 fingerprint of the wrong length", chrome.replace(":06:BF", ""), MALFORMED_ATTRIBUTE,
                        "a=fingerprint is"),
                Arguments.of("a passive offerer", chrome.replace("a=setup:actpass", "a=setup:passive"), UNSUPPORTED_SETUP_ROLE,
                        "a=setup:passive is not accepted: the SFU is always the DTLS server"),
                Arguments.of("an offerer holding the connection", chrome.replace("a=setup:actpass", "a=setup:holdconn"),
                        UNSUPPORTED_SETUP_ROLE, "a=setup:holdconn is not accepted"),
                Arguments.of("an unknown setup role", chrome.replace("a=setup:actpass", "a=setup:server"), MALFORMED_ATTRIBUTE,
                        "a=setup is 'actpass|active|passive|holdconn'"),
                Arguments.of("a section without mid", BrowserOffers.without(chrome, "a=mid:2"), INVALID_MID,
                        "m-section 3 (video): no a=mid"),
                Arguments.of("two sections with one mid", chrome.replace("a=mid:2", "a=mid:1"), INVALID_MID,
                        "two m-sections have a=mid:1"),
                Arguments.of("a mid with a space", chrome.replace("a=mid:2", "a=mid:2 3"), INVALID_MID, "a=mid is 1 to 32"),
                Arguments.of("two directions", chrome.replace("a=sendonly", "a=sendonly\r\na=inactive"), MALFORMED_ATTRIBUTE,
                        "m-section 2 (video): more than one direction attribute"),
                Arguments.of("a format that is no payload type", chrome.replace("SAVPF 111 63", "SAVPF 111 opus"),
                        MALFORMED_ATTRIBUTE, "'opus', which is not an RTP payload type"),
                Arguments.of("a payload type listed twice", chrome.replace("SAVPF 111 63", "SAVPF 111 111"),
                        MALFORMED_ATTRIBUTE, "lists payload type 111 twice"),
                Arguments.of("an rtpmap without clock rate", chrome.replace("a=rtpmap:111 opus/48000/2", "a=rtpmap:111 opus"),
                        MALFORMED_ATTRIBUTE, "a=rtpmap is '<payload type> <encoding name>/<clock rate>[/<channels>]'"),
                Arguments.of("an rtpmap with payload type 128", chrome.replace("a=rtpmap:63 red", "a=rtpmap:128 red"),
                        MALFORMED_ATTRIBUTE, "a=rtpmap is"),
                Arguments.of("two rtpmaps for one payload type", chrome.replace("a=rtpmap:63 red", "a=rtpmap:111 red"),
                        MALFORMED_ATTRIBUTE, "payload type 111 has two a=rtpmap lines"),
                Arguments.of("two fmtps for one payload type", chrome.replace("a=fmtp:63 111/111", "a=fmtp:111 x=1"),
                        MALFORMED_ATTRIBUTE, "payload type 111 has two a=fmtp lines"),
                Arguments.of("an rtcp-fb without type", chrome.replace("a=rtcp-fb:111 transport-cc", "a=rtcp-fb:111"),
                        MALFORMED_ATTRIBUTE, "a=rtcp-fb is"),
                Arguments.of("an extmap with id 0", chrome.replace("a=extmap:4 urn", "a=extmap:0 urn"), MALFORMED_ATTRIBUTE,
                        "a=extmap is '<id>[/<direction>] <uri> [<attributes>]'"),
                Arguments.of("an extmap with id 256", chrome.replace("a=extmap:4 urn", "a=extmap:256 urn"), MALFORMED_ATTRIBUTE,
                        "a=extmap is"),
                Arguments.of("an extmap with a bad direction", chrome.replace("a=extmap:4 urn", "a=extmap:4/both urn"),
                        MALFORMED_ATTRIBUTE, "a=extmap is"),
                Arguments.of("two extmaps with one id", chrome.replace("a=extmap:4 urn", "a=extmap:3 urn"), MALFORMED_ATTRIBUTE,
                        "two a=extmap lines with the same id"),
                Arguments.of("an ssrc that is not 32-bit", chrome.replace("a=ssrc:3735928559 cname", "a=ssrc:4294967296 cname"),
                        MALFORMED_ATTRIBUTE, "a=ssrc is"),
                Arguments.of("an empty cname", chrome.replace("cname:r8Kq2VhX0nTzLp4e", "cname:"), MALFORMED_ATTRIBUTE,
                        "a=ssrc is '<ssrc> cname:<cname>'"),
                Arguments.of("an ssrc-group without ssrcs", firefox.replace("a=ssrc-group:FID 2476302911 902583147",
                        "a=ssrc-group:FID"), MALFORMED_ATTRIBUTE, "a=ssrc-group is"),
                Arguments.of("an msid with three ids", chrome.replace("a=msid:5d1f8a4e-6b0c-4f4e-9d2a-7c3b1e0f9a62 0b6e",
                        "a=msid:a b 0b6e"), MALFORMED_ATTRIBUTE, "a=msid is"),
                Arguments.of("a rid that is neither send nor recv", chrome.replace("a=rid:q send", "a=rid:q both"),
                        MALFORMED_ATTRIBUTE, "a=rid is '<id> send|recv [<restrictions>]'"),
                Arguments.of("a rid with a dot", chrome.replace("a=rid:q send", "a=rid:q.1 send"), MALFORMED_ATTRIBUTE,
                        "a=rid is"),
                Arguments.of("two rids with one id", chrome.replace("a=rid:h send", "a=rid:q send"), MALFORMED_ATTRIBUTE,
                        "two a=rid lines with the same id"),
                Arguments.of("a simulcast without list", chrome.replace("a=simulcast:send q;h;f", "a=simulcast:send"),
                        MALFORMED_ATTRIBUTE, "a=simulcast is"),
                Arguments.of("a simulcast with an empty layer", chrome.replace("a=simulcast:send q;h;f", "a=simulcast:send q;;f"),
                        MALFORMED_ATTRIBUTE, "a=simulcast is"),
                Arguments.of("a simulcast sending twice", chrome.replace("a=simulcast:send q;h;f", "a=simulcast:send q send h"),
                        MALFORMED_ATTRIBUTE, "a=simulcast is"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unacceptableOffers")
    void shouldRefuseAnOfferWithAClearReason(String what, String offer, Reason reason, String message) {
        assertThatThrownBy(() -> read(offer))
                .isInstanceOf(UnacceptableOfferException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((UnacceptableOfferException) e).reason()).isEqualTo(reason));
    }

    @Test
    void shouldNotRequireRtcpMuxOnADataChannelOrADisabledSection() throws Exception {
        String offer = BrowserOffers.editingSection(BrowserOffers.chrome(), 2,
                section -> section.replace("m=video 9 ", "m=video 0 ").replace("\r\na=rtcp-mux", ""))
                .replace("a=group:BUNDLE 0 1 2 3", "a=group:BUNDLE 0 1 3");

        Offer read = read(offer);

        assertThat(read.media("2").orElseThrow().enabled()).isFalse();
        assertThat(read.media("3").orElseThrow().rtcpMux()).isFalse();
    }

    private static Offer read(String offer) throws MalformedSdpException, UnacceptableOfferException {
        return OfferReader.read(SdpParser.parse(offer));
    }

    private static Simulcast.Stream stream(String rid) {
        return new Simulcast.Stream(List.of(new Simulcast.Alternative(rid, false)));
    }

    private static String rtcpMuxRemovedFromSection(String offer, int index) {
        return BrowserOffers.editingSection(offer, index, section -> section.replace("\r\na=rtcp-mux", ""));
    }
}
