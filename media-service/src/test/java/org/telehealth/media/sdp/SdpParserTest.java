package org.telehealth.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SdpParserTest {

    private static final String HEAD = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n";
    private static final String AUDIO = "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\nc=IN IP4 0.0.0.0\r\na=mid:0\r\n";

    @Test
    void shouldReadTheSessionLinesOfAChromeOffer() throws MalformedSdpException {
        SessionDescription offer = SdpParser.parse(BrowserOffers.chrome());

        assertThat(offer.version()).isZero();
        assertThat(offer.origin()).isEqualTo(new Origin("-", "4215775240449105457", "2", "IN", "IP4", "127.0.0.1"));
        assertThat(offer.sessionName()).isEqualTo("-");
        assertThat(offer.timing()).isEqualTo(Timing.UNBOUNDED);
        assertThat(offer.connection()).isEmpty();
        assertThat(offer.attributes()).containsExactly(
                SdpAttribute.of("group", "BUNDLE 0 1 2 3"),
                SdpAttribute.flag("extmap-allow-mixed"),
                SdpAttribute.of("msid-semantic", " WMS 5d1f8a4e-6b0c-4f4e-9d2a-7c3b1e0f9a62"));
    }

    @Test
    void shouldReadEveryMediaSectionWithItsLinesInOrder() throws MalformedSdpException {
        List<MediaSection> sections = SdpParser.parse(BrowserOffers.chrome()).mediaSections();

        assertThat(sections).extracting(MediaSection::media).containsExactly("audio", "video", "video", "application");
        assertThat(sections).extracting(MediaSection::port).containsExactly(9, 9, 9, 9);
        assertThat(sections.get(3).protocol()).isEqualTo("UDP/DTLS/SCTP");
        assertThat(sections.get(3).formats()).containsExactly("webrtc-datachannel");
        MediaSection audio = sections.get(0);
        assertThat(audio.protocol()).isEqualTo("UDP/TLS/RTP/SAVPF");
        assertThat(audio.formats()).containsExactly("111", "63", "9", "0", "8", "13", "110", "126");
        assertThat(audio.connection()).contains(ConnectionData.UNSPECIFIED);
        assertThat(audio.attributes()).hasSize(27).startsWith(
                SdpAttribute.of("rtcp", "9 IN IP4 0.0.0.0"),
                SdpAttribute.of("ice-ufrag", "Xq3v"),
                SdpAttribute.of("ice-pwd", "hS6tMf2q9RkW1pYdC8uZ0aLn"),
                SdpAttribute.of("ice-options", "trickle"));
        assertThat(audio.attributeValues("rtpmap")).startsWith("111 opus/48000/2", "63 red/48000/2");
        assertThat(audio.hasAttribute("rtcp-mux")).isTrue();
        assertThat(audio.attributeValues("rtcp-mux")).containsExactly("");
    }

    @Test
    void shouldReadCrlfAndLfLineEndingsAlike() throws MalformedSdpException {
        String chrome = BrowserOffers.chrome();

        assertThat(SdpParser.parse(BrowserOffers.lf(chrome))).isEqualTo(SdpParser.parse(chrome));
        assertThat(SdpParser.parse(chrome.substring(0, chrome.length() - 2))).isEqualTo(SdpParser.parse(chrome));
    }

    @Test
    void shouldKeepAttributesItDoesNotKnowAndTellFlagsFromEmptyValues() throws MalformedSdpException {
        SessionDescription description = SdpParser.parse(HEAD + "a=x-custom-flag\r\n" + AUDIO
                + "a=x-google-flag:conference\r\na=x-empty:\r\na=x-colons:a:b:c\r\n");

        assertThat(description.attributes()).containsExactly(SdpAttribute.flag("x-custom-flag"));
        assertThat(description.mediaSections().get(0).attributes()).containsExactly(
                SdpAttribute.of("mid", "0"),
                SdpAttribute.of("x-google-flag", "conference"),
                SdpAttribute.of("x-empty", ""),
                SdpAttribute.of("x-colons", "a:b:c"));
        assertThat(SdpAttribute.flag("x")).isNotEqualTo(SdpAttribute.of("x", ""));
    }

    @Test
    void shouldKeepBandwidthConnectionAndPortCountAndDropLinesWebRtcDoesNotUse() throws MalformedSdpException {
        SessionDescription description = SdpParser.parse("v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=Visit\r\ni=about\r\n"
                + "u=http://example.org\r\ne=a@example.org\r\np=+1 555\r\nc=IN IP6 ::1\r\nb=CT:1000\r\nt=10 20\r\n"
                + "r=7d 1h 0 25h\r\nz=2882844526 -1h\r\nk=prompt\r\n"
                + "m=video 49170/2 RTP/AVP 31\r\ni=camera\r\nc=IN IP4 192.0.2.1\r\nb=AS:2500\r\nb=TIAS:2500000\r\nk=prompt\r\n");

        assertThat(description.sessionName()).isEqualTo("Visit");
        assertThat(description.connection()).contains(new ConnectionData("IN", "IP6", "::1"));
        assertThat(description.bandwidths()).containsExactly(new Bandwidth("CT", 1000));
        assertThat(description.timing()).isEqualTo(new Timing(10, 20));
        MediaSection video = description.mediaSections().get(0);
        assertThat(video.port()).isEqualTo(49170);
        assertThat(video.portCount()).isEqualTo(2);
        assertThat(video.connection()).contains(new ConnectionData("IN", "IP4", "192.0.2.1"));
        assertThat(video.bandwidths()).containsExactly(new Bandwidth("AS", 2500), new Bandwidth("TIAS", 2500000));
        assertThat(video.attributes()).isEmpty();
    }

    @Test
    void shouldAcceptAnOfferWithoutMediaSections() throws MalformedSdpException {
        assertThat(SdpParser.parse(HEAD).mediaSections()).isEmpty();
    }

    static Stream<Arguments> malformedDescriptions() {
        return Stream.of(
                Arguments.of("", 0, "the description is empty"),
                Arguments.of("v=1\r\n", 1, "the only SDP version is 0"),
                Arguments.of("V=0\r\n", 1, "unknown line type 'V'"),
                Arguments.of("x=0\r\n", 1, "unknown line type 'x'"),
                Arguments.of("hello\r\n", 1, "a line is '<type>=<value>'"),
                Arguments.of("v\r\n", 1, "a line is '<type>=<value>'"),
                Arguments.of("v =0\r\n", 1, "a line is '<type>=<value>'"),
                Arguments.of("o=- 1 1 IN IP4 127.0.0.1\r\n", 1, "expected the v= line"),
                Arguments.of("v=0\r\ns=-\r\n", 2, "expected the o= line"),
                Arguments.of("v=0\r\no=- 1 1 IN IP4\r\n", 2, "o= is '<username> <sess-id>"),
                Arguments.of("v=0\r\no=- 1  1 IN IP4 127.0.0.1\r\n", 2, "o= is '<username> <sess-id>"),
                Arguments.of("v=0\r\no=- x 1 IN IP4 127.0.0.1\r\n", 2, "session id must be 1 to 20 digits"),
                Arguments.of("v=0\r\no=- 1 123456789012345678901 IN IP4 a\r\n", 2, "session version must be 1 to 20 digits"),
                Arguments.of("v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\n", 3, "the description ends where its s= line should be"),
                Arguments.of("v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\nt=0 0\r\n", 3, "expected the s= line"),
                Arguments.of("v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\n", 3, "the session has no t= line"),
                Arguments.of("v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\n" + AUDIO, 4, "the session has no t= line"),
                Arguments.of(HEAD + "t=0 0\r\n", 5, "a second t= line"),
                Arguments.of(HEAD.replace("t=0 0", "t=now 0"), 4, "start and stop times are decimal numbers"),
                Arguments.of(HEAD.replace("t=0 0", "t=0"), 4, "t= is '<start-time> <stop-time>'"),
                Arguments.of(HEAD.replace("t=0 0", "t=99999999999999999999 0"), 4, "start and stop times"),
                Arguments.of(HEAD + "v=0\r\n", 5, "v= is not allowed in the session part"),
                Arguments.of(HEAD + "c=IN IP4\r\n", 5, "c= is '<nettype> <addrtype> <connection-address>'"),
                Arguments.of(HEAD + "c=IN IP4 a\r\nc=IN IP4 b\r\n", 6, "a second c= line"),
                Arguments.of(HEAD + "b=AS\r\n", 5, "b= is '<bwtype>:<bandwidth>'"),
                Arguments.of(HEAD + "b=:12\r\n", 5, "b= is '<bwtype>:<bandwidth>'"),
                Arguments.of(HEAD + "b=A S:12\r\n", 5, "a bandwidth type is a token"),
                Arguments.of(HEAD + "a=\r\n", 5, "an attribute is 'a=<name>'"),
                Arguments.of(HEAD + "a=:value\r\n", 5, "an attribute is 'a=<name>'"),
                Arguments.of(HEAD + "a=two words\r\n", 5, "an attribute is 'a=<name>'"),
                Arguments.of(HEAD + "a=mid:0\r\n\r\n" + AUDIO, 6, "the line is empty"),
                Arguments.of(HEAD + "a=mid:0\r\r\n", 5, "carriage return inside the line"),
                Arguments.of(HEAD + "a=mid:0\0\r\n", 5, "NUL character inside the line"),
                Arguments.of(HEAD + "m=audio 9 UDP/TLS/RTP/SAVPF\r\n", 5, "m= is '<media> <port> <proto> <fmt> ...'"),
                Arguments.of(HEAD + "m=audio 65536 UDP/TLS/RTP/SAVPF 111\r\n", 5, "the port is '<port>' or '<port>/<count>'"),
                Arguments.of(HEAD + "m=audio -1 UDP/TLS/RTP/SAVPF 111\r\n", 5, "the port is"),
                Arguments.of(HEAD + "m=audio 9/0 UDP/TLS/RTP/SAVPF 111\r\n", 5, "a port count is at least 1"),
                Arguments.of(HEAD + "m=audio 9/1/2 UDP/TLS/RTP/SAVPF 111\r\n", 5, "the port is"),
                Arguments.of(HEAD + "m=audio 9 UDP//SAVPF 111\r\n", 5, "a protocol is tokens separated by '/'"),
                Arguments.of(HEAD + "m=audio 9 UDP/TLS/RTP/SAVPF 111  112\r\n", 5, "a format is a token"),
                Arguments.of(HEAD + "m= 9 UDP/TLS/RTP/SAVPF 111\r\n", 5, "the media type is a token"),
                Arguments.of(HEAD + AUDIO + "s=-\r\n", 8, "s= is not allowed inside a media section"),
                Arguments.of(HEAD + AUDIO + "t=0 0\r\n", 8, "t= is not allowed inside a media section"),
                Arguments.of(HEAD + AUDIO + "c=IN IP4 0.0.0.0\r\n", 8, "a second c= line"));
    }

    @ParameterizedTest
    @MethodSource("malformedDescriptions")
    void shouldNameTheLineAndTheProblemOfMalformedText(String text, int line, String problem) {
        assertThatThrownBy(() -> SdpParser.parse(text))
                .isInstanceOf(MalformedSdpException.class)
                .hasMessageContaining(problem)
                .hasMessageStartingWith(line > 0 ? "line " + line + ": " : "")
                .asInstanceOf(InstanceOfAssertFactories.type(MalformedSdpException.class))
                .extracting(MalformedSdpException::lineNumber)
                .isEqualTo(line > 0 ? OptionalInt.of(line) : OptionalInt.empty());
    }

    @Test
    void shouldQuoteOnlyTheStartOfAVeryLongBadLine() {
        String text = HEAD + "m=" + "x".repeat(10_000) + "\r\n";

        assertThatThrownBy(() -> SdpParser.parse(text)).hasMessageContaining("x".repeat(40) + "…'")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200));
    }

    @Test
    void shouldAcceptTextUpTo64KibAndRejectOneByteMore() throws MalformedSdpException {
        String exactly = padded(SdpParser.MAX_TEXT_BYTES);

        assertThat(SdpParser.parse(exactly).attributes()).hasSize(1);
        assertThatThrownBy(() -> SdpParser.parse(padded(SdpParser.MAX_TEXT_BYTES + 1)))
                .isInstanceOf(MalformedSdpException.class)
                .hasMessage("the description is 65537 bytes, more than the 65536 allowed");
    }

    @Test
    void shouldCountTheSizeLimitInUtf8Bytes() {
        String name = "é".repeat(20_000);
        String text = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=" + name + "\r\nt=0 0\r\n" + "a=x:" + "y".repeat(30_000) + "\r\n";

        assertThat(text.length()).isLessThan(SdpParser.MAX_TEXT_BYTES);
        assertThatThrownBy(() -> SdpParser.parse(text)).hasMessageContaining("more than the 65536 allowed");
    }

    @Test
    void shouldAcceptSixtyFourMediaSectionsAndRejectTheSixtyFifth() throws MalformedSdpException {
        assertThat(SdpParser.parse(HEAD + "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\n".repeat(64)).mediaSections()).hasSize(64);
        assertThatThrownBy(() -> SdpParser.parse(HEAD + "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\n".repeat(65)))
                .isInstanceOf(MalformedSdpException.class)
                .hasMessage("line 69: more than 64 media sections");
    }

    @Test
    void shouldAccept4000LinesAndRejectOneMore() throws MalformedSdpException {
        assertThat(SdpParser.parse(HEAD + "a=x\r\n".repeat(3996)).attributes()).hasSize(3996);
        assertThatThrownBy(() -> SdpParser.parse(HEAD + "a=x\r\n".repeat(3997)))
                .isInstanceOf(MalformedSdpException.class)
                .hasMessage("line 4001: more than 4000 lines");
    }

    @Test
    void shouldTakeLinearTimeOnPathologicalLines() {
        List<String> pathological = List.of(
                HEAD + "m=audio 9 UDP/TLS/RTP/SAVPF" + " 1".repeat(30_000) + "\r\n",
                HEAD + "m=audio 9 " + "a/".repeat(30_000) + "b 1\r\n",
                HEAD + "a=" + "a".repeat(60_000) + "\r\n",
                HEAD + "o=" + " ".repeat(60_000) + "\r\n",
                "\n".repeat(3_999),
                "v=0\r".repeat(16_000));

        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            for (String text : pathological) {
                try {
                    SdpParser.parse(text);
                } catch (MalformedSdpException expected) {
                    // only the time matters here
                }
            }
        });
    }

    @Test
    void shouldGiveNoStackTraceForInputErrors() {
        assertThatThrownBy(() -> SdpParser.parse("x")).satisfies(e -> assertThat(e.getStackTrace()).isEmpty());
    }

    private static String padded(int bytes) {
        String start = HEAD + "a=pad:";
        return start + "x".repeat(bytes - start.length() - 2) + "\r\n";
    }
}
