package org.telehealth.media.stun;

import org.telehealth.media.wire.NetworkByteOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Feeds the decoder and the responder a quarter of a million random and mutated datagrams from a
 * fixed seed: whatever comes in, the decoder either returns a message or throws
 * {@link MalformedStunException}, every accessor does the same, and the responder always returns
 * an outcome. A timeout catches a walk that would not end. A failure prints the datagram.
 */
class StunRobustnessTest {

    private static final long SEED = 0x5354_554E_2026L;
    private static final int DATAGRAMS = 250_000;
    private static final IceCredentials LOCAL = new IceCredentials("sfuA", "sfuPasswordOf22Chars+/");
    private static final int[] KNOWN_CODES = {0x0006, 0x0008, 0x0009, 0x000A, 0x0020, 0x0024, 0x0025, 0x8022,
        0x8028, 0x8029, 0x802A};

    private final Random random = new Random(SEED);
    private final StunMessageDecoder decoder = new StunMessageDecoder();
    private final IceLiteResponder responder = new IceLiteResponder(LOCAL);
    private final InetSocketAddress source = new InetSocketAddress(InetAddress.getLoopbackAddress(), 40000);
    private final Map<String, Integer> seen = new HashMap<>();

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void shouldOnlyEverReturnAnOutcomeOrThrowMalformedStunExceptionWhateverItIsFed() {
        List<byte[]> valid = validMessages();
        for (int i = 0; i < DATAGRAMS; i++) {
            byte[] datagram = switch (i % 4) {
                case 0 -> randomBytes(random.nextInt(140));
                case 1 -> plausibleMessage();
                case 2 -> withChangedBytes(valid.get(random.nextInt(valid.size())));
                default -> withChangedStructure(valid.get(random.nextInt(valid.size())));
            };
            int offset = random.nextInt(4) == 0 ? random.nextInt(16) : 0;
            byte[] buffer = new byte[offset + datagram.length + random.nextInt(8)];
            System.arraycopy(datagram, 0, buffer, offset, datagram.length);
            try {
                readEverything(buffer, offset, datagram.length);
                BindingOutcome outcome = responder.respond(buffer, offset, datagram.length, source);
                assertThat(outcome).isNotNull();
                count(outcome.getClass().getSimpleName());
            } catch (RuntimeException | AssertionError e) {
                fail("datagram #" + i + " " + HexFormat.of().formatHex(datagram) + " broke the codec", e);
            }
        }

        assertThat(seen).as("every path was reached").containsKeys("decoded", "malformed", "malformed value",
                "Accepted", "Rejected", "Dropped");
        assertThat(seen.get("decoded")).as("decoded datagrams").isGreaterThan(DATAGRAMS / 10);
    }

    private void readEverything(byte[] buffer, int offset, int length) {
        StunMessage message;
        try {
            message = decoder.decode(buffer, offset, length);
        } catch (MalformedStunException e) {
            assertThat(e.getMessage()).isNotBlank();
            count("malformed");
            return;
        }
        count("decoded");
        List<Accessor> accessors = List.of(StunMessage::type, StunMessage::transactionId, StunMessage::username,
                StunMessage::software, StunMessage::priority, StunMessage::useCandidate, StunMessage::iceControlling,
                StunMessage::iceControlled, StunMessage::xorMappedAddress, StunMessage::errorCode,
                StunMessage::reportedUnknownAttributes, StunMessage::unknownComprehensionRequiredAttributes,
                StunMessage::fingerprintMatches, m -> m.integrityMatches(new MessageIntegrity(LOCAL.password())));
        for (Accessor accessor : accessors) {
            try {
                assertThat(accessor.read(message)).isNotNull();
            } catch (MalformedStunException e) {
                assertThat(e.getMessage()).isNotBlank();
                count("malformed value");
            }
        }
    }

    /** Requests and responses that pass every check, as starting points for mutations. */
    private List<byte[]> validMessages() {
        MessageIntegrity integrity = new MessageIntegrity(LOCAL.password());
        TransactionId id = new TransactionId(random.nextLong(), random.nextInt());
        return List.of(
                new StunMessageEncoder(StunMessageType.BINDING_REQUEST, id).username("sfuA:brws").priority(99)
                        .useCandidate().iceControlling(7).messageIntegrity(integrity).fingerprint().toByteArray(),
                new StunMessageEncoder(StunMessageType.BINDING_REQUEST, id).username("sfuA:brws").priority(99)
                        .attribute(0x7001, new byte[3]).messageIntegrity(integrity).toByteArray(),
                new StunMessageEncoder(StunMessageType.BINDING_ERROR_RESPONSE, id)
                        .errorCode(StunErrorCode.UNKNOWN_ATTRIBUTE).unknownAttributes(List.of(1, 2, 3))
                        .fingerprint().toByteArray(),
                Rfc5769.sampleRequest(),
                Rfc5769.sampleIpv4Response(),
                Rfc5769.sampleIpv6Response());
    }

    /** A header that passes every check, followed by attributes of known and unknown types and sizes. */
    private byte[] plausibleMessage() {
        StunMessageEncoder encoder = new StunMessageEncoder(
                StunMessageType.fromBits(random.nextBoolean() ? 0x0001 : random.nextInt(0x4000)),
                new TransactionId(random.nextLong(), random.nextInt()));
        int attributes = random.nextInt(8);
        for (int a = 0; a < attributes; a++) {
            int type = random.nextInt(3) > 0
                    ? KNOWN_CODES[random.nextInt(KNOWN_CODES.length)]
                    : random.nextInt(0x10000);
            byte[] value = randomBytes(random.nextInt(3) == 0 ? random.nextInt(30) : plausibleLength(type));
            if (type == StunAttributeType.MESSAGE_INTEGRITY.code() || type == StunAttributeType.FINGERPRINT.code()) {
                encoder.attribute(0x8000 | random.nextInt(0x20), value);
            } else {
                encoder.attribute(type, value);
            }
        }
        byte[] message = encoder.toByteArray();
        if (random.nextInt(4) == 0) {
            int at = 20 + 4 * random.nextInt(Math.max(1, (message.length - 20) / 4));
            if (at + 4 <= message.length) {
                NetworkByteOrder.writeUint16(message, at, random.nextBoolean() ? 0x0008 : 0x8028);
                NetworkByteOrder.writeUint16(message, at + 2, random.nextBoolean() ? 20 : 4);
            }
        }
        return message;
    }

    private int plausibleLength(int type) {
        return switch (type) {
            case 0x0020 -> random.nextBoolean() ? 8 : 20;
            case 0x0024, 0x8028 -> 4;
            case 0x0025 -> 0;
            case 0x8029, 0x802A -> 8;
            case 0x0008 -> 20;
            default -> random.nextInt(24);
        };
    }

    /** Zero to four bytes set to other values. */
    private byte[] withChangedBytes(byte[] original) {
        byte[] changed = original.clone();
        int changes = random.nextInt(5);
        for (int c = 0; c < changes; c++) {
            changed[random.nextInt(changed.length)] ^= (byte) (1 + random.nextInt(255));
        }
        return changed;
    }

    /** Cut short, extended, or with a length field (of the header or an attribute) set to anything. */
    private byte[] withChangedStructure(byte[] original) {
        byte[] changed = original.clone();
        switch (random.nextInt(4)) {
            case 0 -> changed = Arrays.copyOf(original, random.nextInt(original.length));
            case 1 -> {
                changed = Arrays.copyOf(original, original.length + 1 + random.nextInt(40));
                if (random.nextBoolean()) {
                    NetworkByteOrder.writeUint16(changed, 2, changed.length - 20);
                }
            }
            case 2 -> NetworkByteOrder.writeUint16(changed, 2, random.nextInt(0x10000));
            default -> {
                int at = 20 + 4 * random.nextInt((original.length - 20) / 4) + 2;
                NetworkByteOrder.writeUint16(changed, at, random.nextInt(0x10000));
            }
        }
        return changed;
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private void count(String what) {
        seen.merge(what, 1, Integer::sum);
    }

    private interface Accessor {
        Object read(StunMessage message) throws MalformedStunException;
    }
}
