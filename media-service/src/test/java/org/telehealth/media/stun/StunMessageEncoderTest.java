package org.telehealth.media.stun;

import org.telehealth.media.wire.NetworkByteOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the encoder writes, read back by the decoder, and the order it enforces. */
class StunMessageEncoderTest {

    private static final TransactionId ID = new TransactionId(0x8877665544332211L, 0xCAFEBABE);
    private static final String PASSWORD = "pw-of-the-test";

    @Test
    void shouldReadBackEveryAttributeItWrites() throws Exception {
        InetSocketAddress address = new InetSocketAddress(InetAddress.getByName("203.0.113.9"), 65535);
        byte[] encoded = new StunMessageEncoder(StunMessageType.BINDING_ERROR_RESPONSE, ID)
                .software("telehealth sfu")
                .username("ufrag:peer")
                .priority(0xFFFF_FFFFL)
                .useCandidate()
                .iceControlling(-1L)
                .iceControlled(0x0123456789ABCDEFL)
                .xorMappedAddress(address)
                .errorCode(new StunErrorCode(487, "Role Conflict"))
                .unknownAttributes(List.of(0x0003, 0x7FFF))
                .attribute(0xC057, new byte[] {1, 2, 3})
                .messageIntegrity(new MessageIntegrity(PASSWORD))
                .fingerprint()
                .toByteArray();

        StunMessage message = decode(encoded);

        assertThat(message.type()).isEqualTo(StunMessageType.BINDING_ERROR_RESPONSE);
        assertThat(message.transactionId()).isEqualTo(ID);
        assertThat(message.software()).contains("telehealth sfu");
        assertThat(message.username()).contains("ufrag:peer");
        assertThat(message.priority()).hasValue(0xFFFF_FFFFL);
        assertThat(message.useCandidate()).isTrue();
        assertThat(message.iceControlling()).hasValue(-1L);
        assertThat(message.iceControlled()).hasValue(0x0123456789ABCDEFL);
        assertThat(message.xorMappedAddress()).contains(address);
        assertThat(message.errorCode()).contains(new StunErrorCode(487, "Role Conflict"));
        assertThat(message.reportedUnknownAttributes()).containsExactly(0x0003, 0x7FFF);
        assertThat(message.unknownComprehensionRequiredAttributes()).isEmpty();
        assertThat(message.integrityMatches(new MessageIntegrity(PASSWORD))).isTrue();
        assertThat(message.fingerprintMatches()).isTrue();
    }

    @Test
    void shouldReadBackAnIpv6Address() throws Exception {
        InetSocketAddress address = new InetSocketAddress(InetAddress.getByName("fe80::1:2:3:4"), 0);

        StunMessage message = decode(new StunMessageEncoder(StunMessageType.BINDING_SUCCESS_RESPONSE, ID)
                .xorMappedAddress(address)
                .toByteArray());

        assertThat(message.xorMappedAddress()).contains(address);
    }

    @Test
    void shouldReadBackAnErrorCodeWithAnEmptyOrNonAsciiReasonPhrase() throws Exception {
        for (StunErrorCode error : List.of(new StunErrorCode(300, ""), new StunErrorCode(699, "Fehler äöü ✓"))) {
            StunMessage message = decode(new StunMessageEncoder(StunMessageType.BINDING_ERROR_RESPONSE, ID)
                    .errorCode(error)
                    .toByteArray());

            assertThat(message.errorCode()).contains(error);
        }
    }

    @Test
    void shouldWriteTheHeaderWithTheLengthOfTheAttributes() {
        byte[] encoded = new StunMessageEncoder(StunMessageType.BINDING_REQUEST, ID).priority(1).toByteArray();

        assertThat(encoded).startsWith(HexBytes.parse("""
                00 01 00 08 21 12 a4 42 88 77 66 55 44 33 22 11 ca fe ba be
                00 24 00 04 00 00 00 01
                """));
        assertThat(encoded).hasSize(28);
    }

    @Test
    void shouldPadValuesWithZerosToFourBytes() {
        byte[] encoded = new StunMessageEncoder(StunMessageType.BINDING_REQUEST, ID)
                .username("abcde")
                .useCandidate()
                .toByteArray();

        assertThat(Arrays.copyOfRange(encoded, 20, 36)).isEqualTo(HexBytes.parse("""
                00 06 00 05 61 62 63 64 65 00 00 00
                00 25 00 00
                """));
        assertThat(NetworkByteOrder.uint16(encoded, 2)).isEqualTo(16);
    }

    @Test
    void shouldGrowBeyondItsFirstBuffer() throws Exception {
        String software = "s".repeat(700);

        StunMessage message = decode(new StunMessageEncoder(StunMessageType.BINDING_REQUEST, ID)
                .software(software)
                .fingerprint()
                .toByteArray());

        assertThat(message.software()).contains(software);
        assertThat(message.fingerprintMatches()).isTrue();
    }

    @Test
    void shouldHashTheSameMessageIntegrityWhetherOrNotAFingerprintFollows() {
        byte[] integrityOnly = new StunMessageEncoder(StunMessageType.BINDING_REQUEST, ID)
                .username("a:b")
                .messageIntegrity(new MessageIntegrity(PASSWORD))
                .toByteArray();
        byte[] withFingerprint = new StunMessageEncoder(StunMessageType.BINDING_REQUEST, ID)
                .username("a:b")
                .messageIntegrity(new MessageIntegrity(PASSWORD))
                .fingerprint()
                .toByteArray();

        assertThat(Arrays.copyOfRange(withFingerprint, 4, integrityOnly.length))
                .isEqualTo(Arrays.copyOfRange(integrityOnly, 4, integrityOnly.length));
    }

    @Test
    void shouldWriteAFingerprintThatDependsOnEveryByteBeforeIt() throws Exception {
        byte[] first = new StunMessageEncoder(StunMessageType.BINDING_REQUEST, ID).username("a:b").fingerprint()
                .toByteArray();
        byte[] second = new StunMessageEncoder(StunMessageType.BINDING_REQUEST, ID).username("a:c").fingerprint()
                .toByteArray();

        assertThat(Arrays.copyOfRange(first, first.length - 4, first.length))
                .isNotEqualTo(Arrays.copyOfRange(second, second.length - 4, second.length));
        assertThat(decode(first).fingerprintMatches()).isTrue();
        assertThat(decode(second).fingerprintMatches()).isTrue();
    }

    @Test
    void shouldRefuseAttributesOtherThanFingerprintAfterMessageIntegrity() {
        StunMessageEncoder encoder = new StunMessageEncoder(StunMessageType.BINDING_REQUEST, ID)
                .messageIntegrity(new MessageIntegrity(PASSWORD));

        assertThatIllegalStateException().isThrownBy(encoder::useCandidate);
        assertThatIllegalStateException().isThrownBy(() -> encoder.messageIntegrity(new MessageIntegrity(PASSWORD)));
    }

    @Test
    void shouldRefuseAnythingAfterFingerprint() {
        StunMessageEncoder encoder = new StunMessageEncoder(StunMessageType.BINDING_REQUEST, ID).fingerprint();

        assertThatIllegalStateException().isThrownBy(encoder::fingerprint);
        assertThatIllegalStateException().isThrownBy(() -> encoder.messageIntegrity(new MessageIntegrity(PASSWORD)));
        assertThatIllegalStateException().isThrownBy(() -> encoder.priority(1));
    }

    @Test
    void shouldRefuseToWriteIntegrityOrFingerprintAsRawAttributes() {
        StunMessageEncoder encoder = new StunMessageEncoder(StunMessageType.BINDING_REQUEST, ID);

        assertThatIllegalArgumentException().isThrownBy(() -> encoder.attribute(0x0008, new byte[20]));
        assertThatIllegalArgumentException().isThrownBy(() -> encoder.attribute(0x8028, new byte[4]));
        assertThatIllegalArgumentException().isThrownBy(() -> encoder.attribute(0x10000, new byte[0]));
    }

    @Test
    void shouldRefuseValuesTheirAttributeCannotHold() throws Exception {
        StunMessageEncoder encoder = new StunMessageEncoder(StunMessageType.BINDING_REQUEST, ID);

        assertThatIllegalArgumentException().isThrownBy(() -> encoder.priority(-1));
        assertThatIllegalArgumentException().isThrownBy(() -> encoder.priority(0x1_0000_0000L));
        assertThatIllegalArgumentException().isThrownBy(() -> encoder.username("u".repeat(513)));
        assertThatIllegalArgumentException().isThrownBy(() -> encoder.software("s".repeat(764)));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> encoder.xorMappedAddress(InetSocketAddress.createUnresolved("example.org", 1)));
        assertThatIllegalArgumentException().isThrownBy(() -> encoder.unknownAttributes(List.of(0x10000)));
    }

    @Test
    void shouldRefuseAMessageLargerThanItsLengthFieldCanTell() {
        StunMessageEncoder encoder = new StunMessageEncoder(StunMessageType.BINDING_REQUEST, ID)
                .attribute(0x8000, new byte[0xFFF0]);

        assertThatIllegalArgumentException().isThrownBy(() -> encoder.attribute(0x8001, new byte[16]));
    }

    private StunMessage decode(byte[] datagram) throws MalformedStunException {
        return new StunMessageDecoder(20 + 0xFFFC).decode(datagram, 0, datagram.length);
    }
}
