package org.telehealth.media.rtp;

import org.telehealth.media.wire.NetworkByteOrder;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Feeds the parser random bytes and mutations of valid packets, as a hostile or broken peer
 * would: each must either parse into a packet whose every field reads without error, or be
 * rejected with {@link MalformedRtpException}. Packets sit in arrays of their exact size, so that
 * reading one byte too far fails the test.
 */
class RtpPacketRandomInputTest {

    private static final long SEED = 0x5EED_0F_47C0L;
    private static final int PACKETS = 250_000;

    private static final List<byte[]> VALID = List.of(
            RtpPacketTest.FULL,
            Hex.bytes("80 60 04 d2 00 01 e2 40 12 34 56 78 de ad be ef"),
            Hex.bytes("90 6f 00 07 00 00 03 c0 00 00 00 01 10 00 00 03 01 00 00 05 02 04 d2 20 03 68 69 21 aa"),
            Hex.bytes("90 6f 00 07 00 00 03 c0 00 00 00 01 be de 00 02 21 aa bb f0 3f 31 cc dd"),
            Hex.bytes("a0 60 00 01 00 00 00 00 00 00 00 01 00 00 00 00 00 00 00 08"));

    @Test
    void shouldParseOrRejectEveryRandomOrMutatedPacket() {
        Random random = new Random(SEED);
        int parsed = 0;
        int rejected = 0;
        int[] reached = new int[4];

        for (int i = 0; i < PACKETS; i++) {
            byte[] bytes = i % 3 == 0 ? randomPacket(random) : mutate(VALID.get(random.nextInt(VALID.size())), random);
            try {
                RtpPacket packet = RtpPacket.parse(bytes, 0, bytes.length);
                readEverything(packet);
                countWhatWasReached(packet, reached);
                parsed++;
            } catch (MalformedRtpException e) {
                assertThat(e.getMessage()).isNotBlank();
                rejected++;
            } catch (RuntimeException e) {
                throw new AssertionError("packet " + i + " (" + Hex.of(bytes) + ") raised " + e, e);
            }
        }

        assertThat(parsed).as("packets parsed").isGreaterThan(PACKETS / 10);
        assertThat(rejected).as("packets rejected").isGreaterThan(PACKETS / 10);
        assertThat(Arrays.stream(reached).min().orElseThrow())
                .as("fewest parsed packets with one-byte elements, two-byte elements, padding or CSRCs: "
                        + Arrays.toString(reached))
                .isGreaterThan(1_000);
    }

    private static void countWhatWasReached(RtpPacket packet, int[] reached) {
        boolean hasElement = false;
        for (int id = 1; id <= 255 && !hasElement; id++) {
            hasElement = packet.findHeaderExtension(id) != RtpPacket.NOT_FOUND;
        }
        reached[0] += hasElement && packet.hasOneByteHeaderExtensions() ? 1 : 0;
        reached[1] += hasElement && packet.hasTwoByteHeaderExtensions() ? 1 : 0;
        reached[2] += packet.paddingLength() > 0 ? 1 : 0;
        reached[3] += packet.csrcCount() > 0 ? 1 : 0;
    }

    private static void readEverything(RtpPacket packet) {
        assertThat(packet.version()).isEqualTo(2);
        assertThat(packet.payloadOffset() + packet.payloadLength() + packet.paddingLength())
                .isEqualTo(packet.offset() + packet.length());
        assertThat(packet.payloadLength()).isNotNegative();
        assertThat(packet.headerExtensionOffset() + packet.headerExtensionLength())
                .isLessThanOrEqualTo(packet.payloadOffset());
        long sum = packet.sequenceNumber() + packet.timestamp() + packet.ssrc() + packet.payloadType();
        for (int i = 0; i < packet.csrcCount(); i++) {
            sum += packet.csrc(i);
        }
        assertThat(sum).isNotNegative();
        for (int id = 0; id <= 255; id++) {
            int index = packet.findHeaderExtension(id);
            if (index != RtpPacket.NOT_FOUND) {
                assertThat(index + packet.headerExtensionLengthAt(index))
                        .isLessThanOrEqualTo(packet.headerExtensionOffset() + packet.headerExtensionLength());
            }
        }
        assertThat(new AbsSendTimeExtension(2).read(packet)).isBetween(-1, 0xFF_FFFF);
        assertThat(new TransportSequenceNumberExtension(3).read(packet)).isBetween(-1, 0xFFFF);
        assertThat(new AudioLevelExtension(1).read(packet)).isBetween(-1, 0xFF);
        assertThat(SdesItemExtension.mid(4).read(packet)).isNotNull();
    }

    private static byte[] randomPacket(Random random) {
        byte[] bytes = new byte[random.nextInt(80)];
        random.nextBytes(bytes);
        if (bytes.length > 0 && random.nextInt(4) != 0) {
            bytes[0] = (byte) (0x80 | bytes[0] & 0x30 | random.nextInt(3));
        }
        if (bytes.length >= 16 && random.nextBoolean()) {
            int extension = 12 + 4 * (bytes[0] & 0x0F);
            if (extension + 4 <= bytes.length) {
                int profile = random.nextBoolean() ? 0xBEDE : 0x1000 | random.nextInt(16);
                NetworkByteOrder.writeUint16(bytes, extension, profile);
                NetworkByteOrder.writeUint16(bytes, extension + 2, random.nextInt((bytes.length - extension) / 4 + 1));
            }
        }
        return bytes;
    }

    private static byte[] mutate(byte[] valid, Random random) {
        byte[] bytes = valid.clone();
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations; m++) {
            switch (random.nextInt(5)) {
                case 0 -> {
                    if (bytes.length > 0) {
                        bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
                    }
                }
                case 1 -> {
                    if (bytes.length > 0) {
                        bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
                    }
                }
                case 2 -> bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
                case 3 -> {
                    int grown = bytes.length;
                    bytes = Arrays.copyOf(bytes, grown + 1 + random.nextInt(8));
                    for (int i = grown; i < bytes.length; i++) {
                        bytes[i] = (byte) random.nextInt(256);
                    }
                }
                default -> {
                    if (bytes.length > 0) {
                        bytes[bytes.length - 1] = (byte) random.nextInt(64);
                    }
                }
            }
        }
        return bytes;
    }
}
