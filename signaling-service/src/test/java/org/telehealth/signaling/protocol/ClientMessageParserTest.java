package org.telehealth.signaling.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class ClientMessageParserTest {

    private final ClientMessageParser parser = new ClientMessageParser(16 * 1024, 2000, 48 * 1024);

    @Test
    void shouldReadEveryClientMessageOfProtocolOne() {
        assertThat(parser.parse("{\"type\":\"hello\",\"protocol\":1,\"token\":\"t\"}"))
                .isEqualTo(new ClientMessage.Hello(1, "t"));
        assertThat(parser.parse("{\"type\":\"admit\",\"participantId\":\"p\"}")).isEqualTo(new ClientMessage.Admit("p"));
        assertThat(parser.parse("{\"type\":\"decline\",\"participantId\":\"p\"}")).isEqualTo(new ClientMessage.Decline("p"));
        assertThat(parser.parse("{\"type\":\"chat\",\"text\":\"hi\"}")).isEqualTo(new ClientMessage.Chat("hi"));
        assertThat(parser.parse("{\"video\":false,\"type\":\"media-state\",\"audio\":true}"))
                .isEqualTo(new ClientMessage.MediaState(true, false));
        assertThat(parser.parse("{\"type\":\"leave\"}")).isEqualTo(new ClientMessage.Leave());
        assertThat(parser.parse("{\"type\":\"end-visit\"}")).isEqualTo(new ClientMessage.EndVisit());
        assertThat(parser.parse("{\"type\":\"ping\"}")).isEqualTo(new ClientMessage.Ping());
        assertThat(parser.parse("{\"type\":\"media-offer\",\"sdp\":\"v=0\\r\\n\"}"))
                .isEqualTo(new ClientMessage.MediaOffer("v=0\r\n"));
    }

    @Test
    void shouldReadTheRecordingConsentMessages() {
        UUID id = UUID.randomUUID();

        assertThat(parser.parse("{\"type\":\"recording-start\"}")).isEqualTo(new ClientMessage.RecordingStart());
        assertThat(parser.parse("{\"type\":\"recording-stop\"}")).isEqualTo(new ClientMessage.RecordingStop());
        assertThat(parser.parse("{\"accept\":false,\"type\":\"recording-consent\",\"recordingId\":\"" + id + "\"}"))
                .isEqualTo(new ClientMessage.RecordingConsent(id, false));
        assertThat(parser.parse("{\"type\":\"recording-consent\",\"recordingId\":\"" + id.toString().toUpperCase() + "\",\"accept\":true}"))
                .isEqualTo(new ClientMessage.RecordingConsent(id, true));
        expect("{\"type\":\"recording-consent\",\"recordingId\":\"1-2-3-4-5\",\"accept\":true}", ErrorCode.INVALID_MESSAGE);
        expect("{\"type\":\"recording-consent\",\"recordingId\":7,\"accept\":true}", ErrorCode.INVALID_MESSAGE);
        expect("{\"type\":\"recording-consent\",\"recordingId\":\"" + id + "\",\"accept\":1}", ErrorCode.INVALID_MESSAGE);
        expect("{\"type\":\"recording-start\",\"participants\":[]}", ErrorCode.INVALID_MESSAGE);
    }

    @Test
    void shouldNameTheProblemOfABadMessage() {
        expect("not json", ErrorCode.MALFORMED_JSON);
        expect("\"a string\"", ErrorCode.MALFORMED_JSON);
        expect("{\"type\":\"ping\",\"type\":\"leave\"}", ErrorCode.MALFORMED_JSON);
        expect("{\"kind\":\"ping\"}", ErrorCode.INVALID_MESSAGE);
        expect("{\"type\":7}", ErrorCode.INVALID_MESSAGE);
        expect("{\"type\":\"dance\"}", ErrorCode.UNKNOWN_TYPE);
        expect("{\"type\":\"hello\",\"protocol\":\"1\",\"token\":\"t\"}", ErrorCode.INVALID_MESSAGE);
        expect("{\"type\":\"hello\",\"protocol\":1}", ErrorCode.INVALID_MESSAGE);
        expect("{\"type\":\"chat\",\"text\":\"  \"}", ErrorCode.INVALID_MESSAGE);
        expect("{\"type\":\"chat\",\"text\":{\"nested\":true}}", ErrorCode.INVALID_MESSAGE);
        expect("{\"type\":\"leave\",\"why\":\"bored\"}", ErrorCode.INVALID_MESSAGE);
        expect("{\"type\":\"admit\",\"participantId\":\"" + "p".repeat(65) + "\"}", ErrorCode.INVALID_MESSAGE);
    }

    @Test
    void shouldCountChatLengthInCharactersNotBytes() {
        String emojis = "\uD83D\uDE00".repeat(2000);

        assertThat(parser.parse("{\"type\":\"chat\",\"text\":\"" + emojis + "\"}")).isEqualTo(new ClientMessage.Chat(emojis));
        expect("{\"type\":\"chat\",\"text\":\"" + "é".repeat(2001) + "\"}", ErrorCode.INVALID_MESSAGE);
    }

    @Test
    void shouldRefuseAMessageAboveTheByteLimit() {
        expect("{\"type\":\"chat\",\"text\":\"" + "é".repeat(8200) + "\"}", ErrorCode.MESSAGE_TOO_LARGE);
        expect("{\"type\":\"chat\",\"text\":\"" + "x".repeat(17_000), ErrorCode.MESSAGE_TOO_LARGE);
        expect("{\"sdp\":\"" + "x".repeat(17_000) + "\"}", ErrorCode.MESSAGE_TOO_LARGE);
    }

    @Test
    void shouldLetAMediaOfferExceedTheMessageLimitUpToItsSdpLimit() {
        String sdp = "v=0\r\n" + "a=x\r\n".repeat(9000);

        assertThat(parser.parse(frame(sdp))).isEqualTo(new ClientMessage.MediaOffer(sdp));
        expect(frame("v=0" + "é".repeat(24 * 1024)), ErrorCode.MESSAGE_TOO_LARGE);
        expect("{\"type\":\"media-offer\",\"sdp\":7}", ErrorCode.INVALID_MESSAGE);
        expect("{\"type\":\"media-offer\"}", ErrorCode.INVALID_MESSAGE);
    }

    @Test
    void shouldNeverShowTheSdpOfAnOffer() {
        assertThat(parser.parse(frame("v=0 ice-pwd:secret")).toString()).doesNotContain("secret");
    }

    @Test
    void shouldNeverShowTheTokenOfAHello() {
        assertThat(parser.parse("{\"type\":\"hello\",\"protocol\":1,\"token\":\"secret\"}").toString())
                .doesNotContain("secret");
    }

    private static String frame(String sdp) {
        return "{\"type\":\"media-offer\",\"sdp\":\"" + sdp.replace("\r", "\\r").replace("\n", "\\n") + "\"}";
    }

    private void expect(String frame, ErrorCode code) {
        assertThatThrownBy(() -> parser.parse(frame)).isInstanceOfSatisfying(SignalingException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }
}
