package org.telehealth.recording.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the recorder reads of the fork's RTCP, and what it refuses. */
class RtcpMessagesTest {

    private static final String CAMERA = TestPackets.describe("doctor-1", "video", 0xCAFE_0001L, 96, "VP8", 90_000);

    @Test
    void shouldReadSenderReportsDescriptionsAndByesOfACompoundPacket() {
        ByteArrayOutputStream compound = new ByteArrayOutputStream();
        compound.writeBytes(TestPackets.senderReport(0xCAFE_0001L, 0x1234_5678_9ABC_DEF0L, 0xFFFF_0000L));
        compound.writeBytes(TestPackets.description(0xCAFE_0001L, CAMERA));
        compound.writeBytes(new byte[] {(byte) 0x81, (byte) 203, 0, 1, (byte) 0xCA, (byte) 0xFE, 0, 2});
        byte[] bytes = compound.toByteArray();

        assertThat(RtcpMessages.isRtcp(bytes, 0, bytes.length)).isTrue();
        List<RtcpMessages.Message> messages = RtcpMessages.read(bytes, 0, bytes.length);

        assertThat(messages).containsExactly(new RtcpMessages.SenderReport(0xCAFE_0001L, 0x1234_5678_9ABC_DEF0L, 0xFFFF_0000L),
                new RtcpMessages.Description(0xCAFE_0001L, CAMERA), new RtcpMessages.Goodbye(List.of(0xCAFE_0002L)));
        TrackDescription camera = TrackDescription.parse(CAMERA);
        assertThat(camera.participant()).isEqualTo("doctor-1");
        assertThat(camera.kind()).isEqualTo(TrackDescription.Kind.VIDEO);
        assertThat(camera.codec(96)).contains(new TrackDescription.Codec(96, "VP8", 90_000, 1));
    }

    @Test
    void shouldKeepWhatCameBeforeAPacketThatRunsPastTheDatagram() {
        byte[] report = TestPackets.senderReport(1, 2, 3);
        byte[] bytes = new byte[report.length + 8];
        System.arraycopy(report, 0, bytes, 0, report.length);
        bytes[report.length] = (byte) 0x80;
        bytes[report.length + 1] = (byte) 204;
        bytes[report.length + 3] = 9; // 40 bytes announced, 8 there

        assertThat(RtcpMessages.read(bytes, 0, bytes.length)).containsExactly(new RtcpMessages.SenderReport(1, 2, 3));
    }

    @Test
    void shouldTellRtpFromRtcpByThePacketType() {
        byte[] rtp = TestPackets.rtp(111, true, 1, 0, 1, new byte[] {1});
        byte[] rtpWithPayloadType72 = TestPackets.rtp(72, false, 1, 0, 1, new byte[] {1});

        assertThat(RtcpMessages.isRtcp(rtp, 0, rtp.length)).isFalse();
        assertThat(RtcpMessages.isRtcp(rtpWithPayloadType72, 0, rtpWithPayloadType72.length)).isFalse();
    }

    @Test
    void shouldRefuseDescriptionsThatAreNotOfTheForksShape() {
        for (String json : List.of("not json", "{}", CAMERA.replace("doctor-1", "doctor 1"), CAMERA.replace("video", "data"),
                CAMERA.replace("\"ssrc\":3405643777", "\"ssrc\":-1"), CAMERA.replace("\"payloadType\":96", "\"payloadType\":200"))) {
            assertThatThrownBy(() -> TrackDescription.parse(json)).as(json).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void shouldRefuseDatagramsThatAreNotRtp() {
        assertThatThrownBy(() -> RtpPacket.parse(new byte[] {0x40, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, 0, 12))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RtpPacket.parse(new byte[] {(byte) 0x9F, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, 0, 12))
                .as("15 CSRCs announced").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RtpPacket.parse(new byte[] {(byte) 0xA0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 9}, 0, 13))
                .as("padding longer than the packet").isInstanceOf(IllegalArgumentException.class);
    }
}
