package org.telehealth.signaling.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.telehealth.signaling.protocol.ErrorCode;
import org.telehealth.signaling.protocol.SignalingException;
import org.telehealth.signaling.room.Publication;
import org.telehealth.signaling.room.Publication.Kind;
import org.telehealth.signaling.room.Publication.Track;

class PublicationReaderTest {

    /** Chrome-like: microphone sendrecv, camera sendonly, screen marked slides, one receiving section, data. */
    private static final String OFFER = String.join("\r\n",
            "v=0", "o=- 1 2 IN IP4 127.0.0.1", "s=-", "t=0 0", "a=group:BUNDLE 0 1 2 3 4",
            "m=audio 9 UDP/TLS/RTP/SAVPF 111", "a=mid:0", "a=sendrecv", "a=msid:cam-stream mic-track",
            "m=video 9 UDP/TLS/RTP/SAVPF 96", "a=mid:1", "a=sendonly", "a=msid:cam-stream cam-track",
            "a=rid:q send", "a=rid:h send", "a=simulcast:send q;h",
            "m=video 9 UDP/TLS/RTP/SAVPF 96", "a=mid:2", "a=sendonly", "a=msid:screen-stream screen-track", "a=content:slides",
            "m=video 9 UDP/TLS/RTP/SAVPF 96", "a=mid:3", "a=recvonly",
            "m=application 9 UDP/DTLS/SCTP webrtc-datachannel", "a=mid:4", "");

    private static final String ANSWER_ALL = String.join("\r\n",
            "v=0", "o=- 5 1 IN IP4 127.0.0.1", "s=-", "t=0 0", "a=ice-lite",
            "m=audio 10000 UDP/TLS/RTP/SAVPF 111", "a=mid:0", "a=recvonly",
            "m=video 10000 UDP/TLS/RTP/SAVPF 96", "a=mid:1", "a=recvonly",
            "m=video 10000 UDP/TLS/RTP/SAVPF 96", "a=mid:2", "a=recvonly",
            "m=video 10000 UDP/TLS/RTP/SAVPF 96", "a=mid:3", "a=sendonly",
            "m=application 0 UDP/DTLS/SCTP webrtc-datachannel", "a=mid:4", "");

    @Test
    void shouldListTheSendingAudioAndVideoSectionsTheAnswerAccepted() {
        assertThat(PublicationReader.read(OFFER, ANSWER_ALL).tracks()).containsExactly(
                new Track(Kind.AUDIO, "cam-stream", false),
                new Track(Kind.VIDEO, "cam-stream", false),
                new Track(Kind.VIDEO, "screen-stream", true));
    }

    @Test
    void shouldLeaveOutSectionsTheAnswerRejected() {
        String rejectedScreen = ANSWER_ALL.replace("m=video 10000 UDP/TLS/RTP/SAVPF 96\r\na=mid:2", "m=video 0 UDP/TLS/RTP/SAVPF 96\r\na=mid:2");

        assertThat(PublicationReader.read(OFFER, rejectedScreen).tracks()).extracting(Track::streamId)
                .containsExactly("cam-stream", "cam-stream");
    }

    @Test
    void shouldCountABundleOnlySectionOnPortZeroAsSentAsFirefoxOffersIt() {
        // Firefox puts every section but the first on port 0 with a=bundle-only (RFC 8843): not rejected
        String firefox = String.join("\r\n", "v=0", "o=mozilla...THIS_IS_SDPARTA-99.0 1 0 IN IP4 0.0.0.0", "s=-", "t=0 0",
                "a=group:BUNDLE 0 1", "a=sendrecv",
                "m=audio 9 UDP/TLS/RTP/SAVPF 109", "a=mid:0", "a=sendrecv", "a=msid:{fx-stream} {fx-mic}",
                "m=video 0 UDP/TLS/RTP/SAVPF 120", "a=bundle-only", "a=mid:1", "a=sendrecv", "a=msid:{fx-stream} {fx-cam}", "");
        String answer = String.join("\r\n", "v=0", "m=audio 10000 UDP/TLS/RTP/SAVPF 109", "a=mid:0", "a=recvonly",
                "m=video 10000 UDP/TLS/RTP/SAVPF 120", "a=mid:1", "a=recvonly", "");

        assertThat(PublicationReader.read(firefox, answer).tracks()).containsExactly(
                new Track(Kind.AUDIO, "{fx-stream}", false), new Track(Kind.VIDEO, "{fx-stream}", false));
        assertThat(PublicationReader.read(firefox.replace("a=bundle-only\r\n", ""), answer).tracks())
                .as("port 0 without bundle-only is a rejected section").extracting(Track::kind).containsExactly(Kind.AUDIO);
    }

    @Test
    void shouldReadTheStreamIdOfSsrcLinesAndNoneOfADash() {
        String offer = String.join("\n", "v=0", "m=audio 9 RTP/SAVPF 111", "a=mid:a", "a=ssrc:1 cname:x",
                "a=ssrc:1 msid:ssrc-stream t", "m=video 9 RTP/SAVPF 96", "a=mid:v", "a=msid:- t2", "");
        String answer = String.join("\n", "v=0", "m=audio 1 RTP/SAVPF 111", "a=mid:a", "m=video 1 RTP/SAVPF 96", "a=mid:v", "");

        assertThat(PublicationReader.read(offer, answer).tracks()).containsExactly(new Track(Kind.AUDIO, "ssrc-stream", false),
                new Track(Kind.VIDEO, null, false));
    }

    @Test
    void shouldTakeTheSessionDirectionAsEverySectionsDefault() {
        String offer = String.join("\r\n", "v=0", "a=recvonly", "m=audio 9 RTP/SAVPF 111", "a=mid:0",
                "m=video 9 RTP/SAVPF 96", "a=mid:1", "a=sendonly", "a=msid:s t", "");
        String answer = String.join("\r\n", "v=0", "m=audio 1 RTP/SAVPF 111", "a=mid:0", "m=video 1 RTP/SAVPF 96", "a=mid:1", "");

        assertThat(PublicationReader.read(offer, answer).tracks()).containsExactly(new Track(Kind.VIDEO, "s", false));
    }

    @Test
    void shouldPublishNothingForAnOfferThatOnlyReceives() {
        String offer = String.join("\r\n", "v=0", "m=audio 9 RTP/SAVPF 111", "a=mid:0", "a=recvonly",
                "m=video 0 RTP/SAVPF 96", "a=mid:1", "a=sendonly", "a=msid:s t", "");

        assertThat(PublicationReader.read(offer, offer)).isEqualTo(Publication.NONE);
        assertThat(SdpSections.read("garbage\nwith no sections")).isEqualTo(List.of());
    }

    @Test
    void shouldRefuseTextThatIsPlainlyNoSdpOffer() {
        for (String text : List.of("hello", "v=1\r\nm=audio 9 RTP/SAVPF 0", "v=0\r\ns=-\r\n")) {
            assertThatThrownBy(() -> SdpSections.requireOffer(text)).isInstanceOfSatisfying(SignalingException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SDP));
        }
        SdpSections.requireOffer(OFFER);
    }
}
