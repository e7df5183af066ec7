package org.telehealth.media.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.telehealth.media.rtp.AbsSendTimeExtension;
import org.telehealth.media.rtp.AudioLevelExtension;
import org.telehealth.media.rtp.Hex;
import org.telehealth.media.rtp.RtpPacket;
import org.telehealth.media.sdp.MediaKind;
import org.telehealth.media.srtp.SrtpPacketBuffer;

class DownstreamPacketWriterTest {

    /** Chrome's ids: audio level 1, abs-send-time 2, transport-cc 3, mid 4. */
    private static final ExtensionIds PUBLISHER = new ExtensionIds(4, 10, 11, 2, 1);
    private static final long SEND_TIME = 1_500_000_000L;

    /**
     * A video packet as Chrome sends it: mid "1", transport-wide sequence number 0x0102, its own
     * abs-send-time 0x0a0b0c; 4 payload bytes.
     */
    private static final byte[] VIDEO = Hex.bytes("90600064", "00002328", "11110001",
            "bede0003", "40 31 31 0102 22 0a0b0c 000000", "deadbeef");
    /** An audio packet with one CSRC, the audio level (voice, -42 dBov) under id 1, and 2 bytes of padding. */
    private static final byte[] AUDIO = Hex.bytes("b16f0007", "00000960", "11110003", "33330001",
            "bede0001", "10 aa 0000", "cafe", "0002");

    @Test
    void shouldStampTheSfusSendTimeUnderTheReceiversIdAndDropThePublishersExtensions() throws Exception {
        ExtensionIds receiver = new ExtensionIds(9, 0, 0, 5, 0);

        RtpPacket copy = copy(VIDEO, MediaKind.VIDEO, receiver);

        assertThat(Hex.of(copy.buffer()).substring(0, 24)).isEqualTo("90600064" + "00002328" + "11110001");
        assertThat(new AbsSendTimeExtension(5).read(copy)).isEqualTo(AbsSendTimeExtension.fromNanos(SEND_TIME));
        assertThat(copy.findHeaderExtension(4)).isEqualTo(RtpPacket.NOT_FOUND);
        assertThat(copy.findHeaderExtension(3)).isEqualTo(RtpPacket.NOT_FOUND);
        assertThat(copy.findHeaderExtension(2)).isEqualTo(RtpPacket.NOT_FOUND);
        assertThat(copy.headerExtensionLength()).isEqualTo(4);
        assertThat(Hex.of(payload(copy))).isEqualTo("deadbeef");
    }

    @Test
    void shouldSendAReceiverWithoutAbsSendTimeNoExtensionAtAll() throws Exception {
        RtpPacket copy = copy(VIDEO, MediaKind.VIDEO, ExtensionIds.NONE);

        assertThat(copy.hasHeaderExtension()).isFalse();
        assertThat(Hex.of(copy.buffer())).isEqualTo("80600064" + "00002328" + "11110001" + "deadbeef");
    }

    @Test
    void shouldUseTheTwoByteFormForAnIdAboveFourteen() throws Exception {
        RtpPacket copy = copy(VIDEO, MediaKind.VIDEO, new ExtensionIds(0, 0, 0, 20, 0));

        assertThat(copy.hasTwoByteHeaderExtensions()).isTrue();
        assertThat(new AbsSendTimeExtension(20).read(copy)).isEqualTo(AbsSendTimeExtension.fromNanos(SEND_TIME));
    }

    @Test
    void shouldCarryTheAudioLevelOverUnderTheReceiversIdKeepingCsrcsAndPadding() throws Exception {
        RtpPacket copy = copy(AUDIO, MediaKind.AUDIO, new ExtensionIds(0, 0, 0, 2, 7));

        assertThat(copy.csrc(0)).isEqualTo(0x3333_0001L);
        assertThat(new AudioLevelExtension(7).read(copy)).isEqualTo(new AudioLevelExtension(1)
                .read(RtpPacket.parse(AUDIO, 0, AUDIO.length)));
        assertThat(copy.findHeaderExtension(2)).as("no send time on audio").isEqualTo(RtpPacket.NOT_FOUND);
        assertThat(copy.paddingLength()).isEqualTo(2);
        assertThat(Hex.of(payload(copy))).isEqualTo("cafe");
    }

    @Test
    void shouldLeaveRoomForSrtpAndWriteExactBytesForTheRetransmissionPath() throws Exception {
        RtpPacket source = RtpPacket.parse(VIDEO, 0, VIDEO.length);
        ExtensionIds receiver = new ExtensionIds(0, 0, 0, 5, 0);
        SrtpPacketBuffer copy = new SrtpPacketBuffer(new byte[0], 0, 0);

        DownstreamPacketWriter.write(source, MediaKind.VIDEO, PUBLISHER, receiver, SEND_TIME, copy);
        byte[] exact = DownstreamPacketWriter.writeBytes(source, MediaKind.VIDEO, PUBLISHER, receiver, SEND_TIME);

        assertThat(copy.getOffset()).isZero();
        assertThat(copy.getBuffer().length - copy.getLength()).isGreaterThanOrEqualTo(SrtpPacketBuffer.TRAILER_ROOM);
        assertThat(exact).isEqualTo(copy.toByteArray());
    }

    @Test
    void shouldWriteTheSameBytesIntoABufferThatHeldALongerPacketBefore() throws Exception {
        ExtensionIds[] receivers = {new ExtensionIds(0, 0, 0, 5, 7), new ExtensionIds(0, 0, 0, 20, 20), ExtensionIds.NONE};
        for (ExtensionIds receiver : receivers) {
            for (byte[] packet : new byte[][] {VIDEO, AUDIO}) {
                MediaKind kind = packet == VIDEO ? MediaKind.VIDEO : MediaKind.AUDIO;
                RtpPacket source = RtpPacket.parse(packet, 0, packet.length);
                byte[] used = new byte[200];
                Arrays.fill(used, (byte) 0x5A); // what an earlier, longer packet left behind
                SrtpPacketBuffer reused = new SrtpPacketBuffer(used, 0, used.length - SrtpPacketBuffer.TRAILER_ROOM);

                DownstreamPacketWriter.write(source, kind, PUBLISHER, receiver, SEND_TIME, reused);

                assertThat(reused.getBuffer()).as("no new array while the old one is large enough").isSameAs(used);
                assertThat(reused.toByteArray()).as("%s to %s", kind, receiver)
                        .isEqualTo(DownstreamPacketWriter.writeBytes(source, kind, PUBLISHER, receiver, SEND_TIME));
            }
        }
    }

    @Test
    void shouldWriteTheReceiversPayloadTypeKeepingTheMarkerBit() throws Exception {
        byte[] lastOfFrame = VIDEO.clone();
        lastOfFrame[1] = (byte) 0xE0; // marker, VP8 as Chrome numbers it (96)
        RtpPacket source = RtpPacket.parse(lastOfFrame, 0, lastOfFrame.length);

        byte[] forFirefox = DownstreamPacketWriter.writeBytes(source, MediaKind.VIDEO, PUBLISHER, ExtensionIds.NONE, 120, SEND_TIME);
        byte[] asPublished = DownstreamPacketWriter.writeBytes(source, MediaKind.VIDEO, PUBLISHER, ExtensionIds.NONE, SEND_TIME);

        RtpPacket copy = RtpPacket.parse(forFirefox, 0, forFirefox.length);
        assertThat(copy.payloadType()).isEqualTo(120);
        assertThat(copy.marker()).isTrue();
        assertThat(Hex.of(forFirefox)).isEqualTo("80f80064" + "00002328" + "11110001" + "deadbeef");
        assertThat(RtpPacket.parse(asPublished, 0, asPublished.length).payloadType()).isEqualTo(96);
    }

    private static RtpPacket copy(byte[] packet, MediaKind kind, ExtensionIds receiver) throws Exception {
        byte[] bytes = DownstreamPacketWriter.writeBytes(RtpPacket.parse(packet, 0, packet.length), kind, PUBLISHER,
                receiver, SEND_TIME);
        return RtpPacket.parse(bytes, 0, bytes.length);
    }

    private static byte[] payload(RtpPacket packet) {
        byte[] payload = new byte[packet.payloadLength()];
        System.arraycopy(packet.buffer(), packet.payloadOffset(), payload, 0, payload.length);
        return payload;
    }
}
