package org.telehealth.media.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.telehealth.media.dtls.SrtpKeyMaterial;
import org.telehealth.media.dtls.SrtpProfile;
import org.telehealth.media.dtls.SrtpKeyMaterialFixture;

class SrtpSessionTest {

    private static final Random RANDOM = new Random(7);

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void shouldDecryptWhatTheBrowserEncryptsAndTheOtherWayRound(SrtpProfile profile) {
        SrtpKeyMaterial keys = SrtpKeyMaterialFixture.random(profile, RANDOM);
        try (SrtpSession sfu = SrtpSession.forServer(keys); SrtpSession browser = SrtpSession.forClient(keys)) {
            byte[] rtp = rtp(1000, 0x11223344);
            SrtpPacketBuffer packet = SrtpPacketBuffer.copyOf(rtp, 0, rtp.length);

            assertThat(browser.encryptRtp(packet)).isTrue();
            assertThat(packet.toByteArray()).isNotEqualTo(rtp).hasSizeGreaterThan(rtp.length);
            assertThat(sfu.decryptRtp(packet)).isTrue();
            assertThat(packet.toByteArray()).isEqualTo(rtp);

            byte[] back = rtp(7, 0x55667788);
            SrtpPacketBuffer reply = SrtpPacketBuffer.copyOf(back, 0, back.length);
            assertThat(sfu.encryptRtp(reply)).isTrue();
            assertThat(browser.decryptRtp(reply)).isTrue();
            assertThat(reply.toByteArray()).isEqualTo(back);
        }
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void shouldProtectRtcpToo(SrtpProfile profile) {
        SrtpKeyMaterial keys = SrtpKeyMaterialFixture.random(profile, RANDOM);
        try (SrtpSession sfu = SrtpSession.forServer(keys); SrtpSession browser = SrtpSession.forClient(keys)) {
            byte[] pli = {(byte) 0x81, (byte) 206, 0, 2, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, (byte) 0x88};
            SrtpPacketBuffer packet = SrtpPacketBuffer.copyOf(pli, 0, pli.length);

            assertThat(browser.encryptRtcp(packet)).isTrue();
            assertThat(sfu.decryptRtcp(packet)).isTrue();
            assertThat(packet.toByteArray()).isEqualTo(pli);
        }
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void shouldRejectTamperedReplayedAndTruncatedPackets(SrtpProfile profile) {
        SrtpKeyMaterial keys = SrtpKeyMaterialFixture.random(profile, RANDOM);
        try (SrtpSession sfu = SrtpSession.forServer(keys); SrtpSession browser = SrtpSession.forClient(keys)) {
            byte[] rtp = rtp(42, 0x01020304);
            SrtpPacketBuffer packet = SrtpPacketBuffer.copyOf(rtp, 0, rtp.length);
            browser.encryptRtp(packet);
            byte[] protectedBytes = packet.toByteArray();

            byte[] tampered = protectedBytes.clone();
            tampered[20] ^= 1;
            assertThat(sfu.decryptRtp(SrtpPacketBuffer.copyOf(tampered, 0, tampered.length))).isFalse();

            assertThat(sfu.decryptRtp(SrtpPacketBuffer.copyOf(protectedBytes, 0, protectedBytes.length))).isTrue();
            assertThat(sfu.decryptRtp(SrtpPacketBuffer.copyOf(protectedBytes, 0, protectedBytes.length)))
                    .as("replay").isFalse();

            assertThat(sfu.decryptRtp(SrtpPacketBuffer.copyOf(protectedBytes, 0, 11))).isFalse();
            assertThat(sfu.decryptRtcp(SrtpPacketBuffer.copyOf(protectedBytes, 0, 7))).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void shouldNotLetForgedPacketsFromManySsrcsCrowdOutRealStreams(SrtpProfile profile) {
        SrtpKeyMaterial keys = SrtpKeyMaterialFixture.random(profile, RANDOM);
        try (SrtpSession sfu = SrtpSession.forServer(keys); SrtpSession browser = SrtpSession.forClient(keys)) {
            for (int ssrc = 1; ssrc <= 1000; ssrc++) {
                byte[] forged = rtp(1, ssrc);
                byte[] withTag = Arrays.copyOf(forged, forged.length + 16);
                assertThat(sfu.decryptRtp(SrtpPacketBuffer.copyOf(withTag, 0, withTag.length))).isFalse();
            }
            byte[] real = rtp(5, 0x7777);
            SrtpPacketBuffer packet = SrtpPacketBuffer.copyOf(real, 0, real.length);
            browser.encryptRtp(packet);

            assertThat(sfu.decryptRtp(packet)).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void shouldKeepEachOfItsStreamsApartUpToItsLimitOfSsrcs(SrtpProfile profile) {
        SrtpKeyMaterial keys = SrtpKeyMaterialFixture.random(profile, RANDOM);
        try (SrtpSession sfu = SrtpSession.forServer(keys); SrtpSession browser = SrtpSession.forClient(keys)) {
            for (int sequence = 1; sequence <= 3; sequence++) {
                for (int stream = 0; stream < SrtpSession.MAX_STREAMS_PER_DIRECTION; stream++) {
                    int ssrc = 0x7FFF_FFF0 + stream; // past 2^31 from the 17th on
                    byte[] plain = rtp(sequence, ssrc);
                    SrtpPacketBuffer packet = SrtpPacketBuffer.copyOf(plain, 0, plain.length);
                    assertThat(browser.encryptRtp(packet)).isTrue();
                    assertThat(sfu.decryptRtp(packet)).as("SSRC %x, packet %d", ssrc, sequence).isTrue();
                    assertThat(packet.toByteArray()).isEqualTo(plain);
                }
            }
            byte[] oneTooMany = rtp(1, 0x7FFF_FFF0 + SrtpSession.MAX_STREAMS_PER_DIRECTION);
            SrtpPacketBuffer packet = SrtpPacketBuffer.copyOf(oneTooMany, 0, oneTooMany.length);

            assertThat(browser.encryptRtp(packet)).as("the browser's session has the same limit").isFalse();
        }
    }

    private static byte[] rtp(int sequence, int ssrc) {
        byte[] packet = new byte[12 + 160];
        packet[0] = (byte) 0x80;
        packet[1] = 111;
        packet[2] = (byte) (sequence >> 8);
        packet[3] = (byte) sequence;
        packet[8] = (byte) (ssrc >> 24);
        packet[9] = (byte) (ssrc >> 16);
        packet[10] = (byte) (ssrc >> 8);
        packet[11] = (byte) ssrc;
        for (int i = 12; i < packet.length; i++) {
            packet[i] = (byte) i;
        }
        return packet;
    }
}
