package org.telehealth.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SdpWriterTest {

    @Test
    void shouldWriteTheLinesInCanonicalOrderEndingInCrlf() throws MalformedSdpException {
        String scrambled = "v=0\no=- 7 3 IN IP4 127.0.0.1\ns=-\na=ice-lite\nt=0 0\nb=AS:100\nc=IN IP4 0.0.0.0\n"
                + "m=audio 9 UDP/TLS/RTP/SAVPF 111\na=mid:0\nb=AS:64\nc=IN IP4 0.0.0.0\na=rtcp-mux\n"
                + "m=video 0/2 UDP/TLS/RTP/SAVPF 96 97\na=mid:1";

        assertThat(SdpWriter.write(SdpParser.parse(scrambled))).isEqualTo(
                "v=0\r\no=- 7 3 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 0.0.0.0\r\nb=AS:100\r\nt=0 0\r\na=ice-lite\r\n"
                        + "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\nc=IN IP4 0.0.0.0\r\nb=AS:64\r\na=mid:0\r\na=rtcp-mux\r\n"
                        + "m=video 0/2 UDP/TLS/RTP/SAVPF 96 97\r\na=mid:1\r\n");
    }

    @Test
    void shouldWriteADescriptionBuiltInCode() {
        SessionDescription description = new SessionDescription(0, new Origin("-", "1", "2", "IN", "IP4", "127.0.0.1"), "-",
                Optional.empty(), List.of(), Timing.UNBOUNDED, List.of(SdpAttribute.of("msid-semantic", " WMS *")),
                List.of(new MediaSection("application", 0, 1, "UDP/DTLS/SCTP", List.of("webrtc-datachannel"),
                        Optional.of(ConnectionData.UNSPECIFIED), List.of(), List.of(SdpAttribute.flag("inactive")))));

        assertThat(SdpWriter.write(description)).isEqualTo("v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"
                + "a=msid-semantic: WMS *\r\nm=application 0 UDP/DTLS/SCTP webrtc-datachannel\r\nc=IN IP4 0.0.0.0\r\n"
                + "a=inactive\r\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"chrome", "firefox", "firefox-esr", "firefox-esr-simulcast", "safari"})
    void shouldReadBackWhatItWroteAsAnEqualDescription(String browser) throws MalformedSdpException {
        SessionDescription parsed = SdpParser.parse(offer(browser));

        assertThat(SdpParser.parse(SdpWriter.write(parsed))).isEqualTo(parsed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"chrome", "firefox", "firefox-esr", "firefox-esr-simulcast", "safari"})
    void shouldWriteABrowserOfferBackToTheSameText(String browser) throws MalformedSdpException {
        String offer = offer(browser);

        assertThat(SdpWriter.write(SdpParser.parse(offer))).isEqualTo(offer);
        assertThat(SdpWriter.write(SdpParser.parse(BrowserOffers.lf(offer)))).isEqualTo(offer);
    }

    private static String offer(String browser) {
        return switch (browser) {
            case "chrome" -> BrowserOffers.chrome();
            case "firefox" -> BrowserOffers.firefox();
            case "firefox-esr" -> BrowserOffers.firefoxEsr();
            case "firefox-esr-simulcast" -> BrowserOffers.firefoxEsrSimulcast();
            default -> BrowserOffers.safari();
        };
    }
}
