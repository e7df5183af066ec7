package org.telehealth.media.rtcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.telehealth.media.rtp.Hex;

/**
 * Feeds the parser random compound packets and mutations of valid ones, as a hostile or broken
 * peer would: each must either parse, or be rejected with {@link MalformedRtcpException}. What
 * parses must also write back into bytes that parse to the same packets. Packets sit in arrays of
 * their exact size, so that reading one byte too far fails the test.
 */
class RtcpRandomInputTest {

    private static final long SEED = 0x5EED_0F_47C1L;
    private static final int PACKETS = 250_000;
    private static final int[] PACKET_TYPES = {200, 201, 202, 203, 204, 205, 206, 207};

    private static final List<byte[]> VALID = List.of(
            RtcpVectors.concat(RtcpVectors.CHROME_SENDER_REPORT, RtcpVectors.CHROME_SOURCE_DESCRIPTION),
            RtcpVectors.concat(RtcpVectors.RECEIVER_REPORT, RtcpVectors.NACK, RtcpVectors.REMB),
            RtcpVectors.concat(RtcpVectors.PLI, RtcpVectors.FIR, RtcpVectors.BYE),
            RtcpVectors.concat(RtcpVectors.APPLICATION_DEFINED, RtcpVectors.TRANSPORT_CC),
            RtcpVectors.concat(RtcpVectors.TRANSPORT_CC_LOSS_RUN, RtcpVectors.TRANSPORT_CC_VECTORS),
            Hex.bytes("82 ca 00 07 00 00 00 01 01 01 61 06 03 77 65 62 00 00 00 00",
                    "00 00 00 02 02 02 c3 a9 00 00 00 00"),
            Hex.bytes("a0 c9 00 02 00 00 00 01 00 00 00 04"));

    @Test
    void shouldParseOrRejectEveryRandomOrMutatedPacket() {
        Random random = new Random(SEED);
        int parsed = 0;
        int rejected = 0;
        Map<Class<?>, Integer> parsedByKind = new HashMap<>();

        for (int i = 0; i < PACKETS; i++) {
            byte[] bytes = i % 2 == 0
                    ? randomCompound(random)
                    : mutate(VALID.get(random.nextInt(VALID.size())), random);
            try {
                List<RtcpPacket> packets = RtcpCompoundParser.parse(bytes, 0, bytes.length);
                assertWritesBackTheSame(packets);
                packets.forEach(packet -> parsedByKind.merge(packet.getClass(), 1, Integer::sum));
                parsed++;
            } catch (MalformedRtcpException e) {
                assertThat(e.getMessage()).isNotBlank();
                rejected++;
            } catch (RuntimeException | AssertionError e) {
                throw new AssertionError("packet " + i + " (" + Hex.of(bytes) + ") raised " + e, e);
            }
        }

        assertThat(parsed).as("packets parsed").isGreaterThan(PACKETS / 10);
        assertThat(rejected).as("packets rejected").isGreaterThan(PACKETS / 10);
        assertThat(parsedByKind).as("packets parsed, by kind")
                .containsOnlyKeys(RtcpPacket.class.getPermittedSubclasses())
                .allSatisfy((kind, count) -> assertThat(count).as(kind.getSimpleName()).isGreaterThan(100));
    }

    private static void assertWritesBackTheSame(List<RtcpPacket> packets) throws MalformedRtcpException {
        byte[] written = RtcpPacket.toCompoundBytes(packets);
        List<RtcpPacket> reread = RtcpCompoundParser.parse(written, 0, written.length);
        assertThat(reread).hasSameSizeAs(packets);
        for (int i = 0; i < packets.size(); i++) {
            assertThat(comparable(reread.get(i))).isEqualTo(comparable(packets.get(i)));
        }
    }

    /** A NACK may list a packet twice, or out of order, and still mean the same set of lost packets. */
    private static Object comparable(RtcpPacket packet) {
        if (packet instanceof GenericNack nack) {
            return List.of(nack.senderSsrc(), nack.mediaSsrc(), new TreeSet<>(nack.lostSequenceNumbers()));
        }
        return packet;
    }

    private static byte[] randomCompound(Random random) {
        List<byte[]> packets = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        for (int p = 0; p < count; p++) {
            int words = random.nextInt(12);
            byte[] packet = new byte[4 + 4 * words];
            random.nextBytes(packet);
            int padding = random.nextInt(8) == 0 ? 0x20 : 0;
            int countOrFormat = random.nextInt(32) % (1 + random.nextInt(16));
            packet[0] = (byte) (0x80 | padding | countOrFormat);
            packet[1] = (byte) PACKET_TYPES[random.nextInt(PACKET_TYPES.length)];
            packet[2] = 0;
            packet[3] = (byte) words;
            if (packet[1] == (byte) 206 && random.nextBoolean()) {
                packet[0] = (byte) (0x80 | 15);
                if (packet.length >= 20) {
                    System.arraycopy(Hex.bytes("52 45 4d 42"), 0, packet, 12, 4);
                    packet[16] = (byte) ((packet.length - 20) / 4);
                    packet[17] &= (byte) 0x3F;
                }
            }
            if (packet[1] == (byte) 205 && random.nextBoolean()) {
                packet[0] = (byte) (0x80 | 15);
                if (packet.length >= 20) {
                    packet[14] = 0;
                    packet[15] = (byte) random.nextInt(1 + (packet.length - 20) * 4);
                }
            }
            if (random.nextInt(4) == 0) {
                packet = Hex.bytes("81 ca 00 02 00 00 00 01 01 01 61 00");
            }
            packets.add(packet);
        }
        return RtcpVectors.concat(packets.toArray(byte[][]::new));
    }

    private static byte[] mutate(byte[] valid, Random random) {
        byte[] bytes = valid.clone();
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations; m++) {
            switch (random.nextInt(5)) {
                case 0 -> bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
                case 1 -> bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
                case 2 -> bytes = Arrays.copyOf(bytes, Math.max(1, random.nextInt(bytes.length + 1)));
                case 3 -> {
                    int grown = bytes.length;
                    bytes = Arrays.copyOf(bytes, grown + 1 + random.nextInt(8));
                    for (int i = grown; i < bytes.length; i++) {
                        bytes[i] = (byte) random.nextInt(256);
                    }
                }
                default -> {
                    int lengthField = 4 * random.nextInt(bytes.length / 4 + 1) + 2;
                    if (lengthField + 1 < bytes.length) {
                        bytes[lengthField] = 0;
                        bytes[lengthField + 1] = (byte) random.nextInt(random.nextBoolean() ? 1 : 16);
                    }
                }
            }
        }
        return bytes;
    }
}
