package org.telehealth.media.stun;

import org.telehealth.media.wire.NetworkByteOrder;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The codec against the published test vectors of RFC 5769. */
class Rfc5769TestVectorsTest {

    private static final long SAMPLE_PRIORITY = 0x6e0001ffL;
    private static final long SAMPLE_TIE_BREAKER = 0x932ff9b151263b36L;

    private final StunMessageDecoder decoder = new StunMessageDecoder();

    @Test
    void shouldReadEveryFieldOfTheSampleRequest() throws Exception {
        StunMessage request = decode(Rfc5769.sampleRequest());

        assertThat(request.type()).isEqualTo(StunMessageType.BINDING_REQUEST);
        assertThat(request.transactionId()).isEqualTo(Rfc5769.TRANSACTION_ID);
        assertThat(request.length()).isEqualTo(108);
        assertThat(request.software()).contains("STUN test client");
        assertThat(request.priority()).hasValue(SAMPLE_PRIORITY);
        assertThat(request.iceControlled()).hasValue(SAMPLE_TIE_BREAKER);
        assertThat(request.iceControlling()).isEmpty();
        assertThat(request.username()).contains(Rfc5769.USERNAME);
        assertThat(request.useCandidate()).isFalse();
        assertThat(request.unknownComprehensionRequiredAttributes()).isEmpty();
    }

    @Test
    void shouldVerifyTheIntegrityAndFingerprintOfTheSampleRequest() throws Exception {
        StunMessage request = decode(Rfc5769.sampleRequest());

        assertThat(request.integrityMatches(new MessageIntegrity(Rfc5769.PASSWORD))).isTrue();
        assertThat(request.fingerprintMatches()).isTrue();
    }

    @Test
    void shouldNotVerifyTheSampleRequestWithAnotherPassword() throws Exception {
        StunMessage request = decode(Rfc5769.sampleRequest());

        assertThat(request.integrityMatches(new MessageIntegrity("VOkJxbRl1RmTxUk/WvJxBu"))).isFalse();
    }

    @Test
    void shouldReadTheSampleIpv4Response() throws Exception {
        StunMessage response = decode(Rfc5769.sampleIpv4Response());

        assertThat(response.type()).isEqualTo(StunMessageType.BINDING_SUCCESS_RESPONSE);
        assertThat(response.transactionId()).isEqualTo(Rfc5769.TRANSACTION_ID);
        assertThat(response.software()).contains("test vector");
        assertThat(response.xorMappedAddress()).contains(ipv4Sample());
        assertThat(response.integrityMatches(new MessageIntegrity(Rfc5769.PASSWORD))).isTrue();
        assertThat(response.fingerprintMatches()).isTrue();
    }

    @Test
    void shouldReadTheSampleIpv6Response() throws Exception {
        StunMessage response = decode(Rfc5769.sampleIpv6Response());

        assertThat(response.type()).isEqualTo(StunMessageType.BINDING_SUCCESS_RESPONSE);
        assertThat(response.transactionId()).isEqualTo(Rfc5769.TRANSACTION_ID);
        assertThat(response.software()).contains("test vector");
        assertThat(response.xorMappedAddress()).contains(ipv6Sample());
        assertThat(response.integrityMatches(new MessageIntegrity(Rfc5769.PASSWORD))).isTrue();
        assertThat(response.fingerprintMatches()).isTrue();
    }

    @Test
    void shouldEncodeTheIpv4XorMappedAddressExactlyAsTheRfc() throws Exception {
        byte[] encoded = new StunMessageEncoder(StunMessageType.BINDING_SUCCESS_RESPONSE, Rfc5769.TRANSACTION_ID)
                .xorMappedAddress(ipv4Sample())
                .toByteArray();

        assertThat(Arrays.copyOfRange(encoded, 20, 32))
                .isEqualTo(Arrays.copyOfRange(Rfc5769.sampleIpv4Response(), 36, 48));
    }

    @Test
    void shouldEncodeTheIpv6XorMappedAddressExactlyAsTheRfc() throws Exception {
        byte[] encoded = new StunMessageEncoder(StunMessageType.BINDING_SUCCESS_RESPONSE, Rfc5769.TRANSACTION_ID)
                .xorMappedAddress(ipv6Sample())
                .toByteArray();

        assertThat(Arrays.copyOfRange(encoded, 20, 44))
                .isEqualTo(Arrays.copyOfRange(Rfc5769.sampleIpv6Response(), 36, 60));
    }

    /*
     * The vectors pad SOFTWARE and USERNAME with spaces where an encoder writes zeros, and
     * MESSAGE-INTEGRITY and FINGERPRINT hash the padding: re-encoded, every other byte is the RFC's
     * and the two hashes, different, still verify.
     */

    @Test
    void shouldReEncodeTheSampleRequestAsTheRfcApartFromPaddingAndTheHashesOverIt() throws Exception {
        byte[] encoded = new StunMessageEncoder(StunMessageType.BINDING_REQUEST, Rfc5769.TRANSACTION_ID)
                .software("STUN test client")
                .priority(SAMPLE_PRIORITY)
                .iceControlled(SAMPLE_TIE_BREAKER)
                .username(Rfc5769.USERNAME)
                .messageIntegrity(new MessageIntegrity(Rfc5769.PASSWORD))
                .fingerprint()
                .toByteArray();

        byte[] expected = Rfc5769.sampleRequest();
        Arrays.fill(expected, 73, 76, (byte) 0);
        assertSameBytesOutsideHashes(encoded, expected, 80, 104);
        assertHashesVerify(encoded);
    }

    @Test
    void shouldReEncodeTheSampleIpv4ResponseAsTheRfcApartFromPaddingAndTheHashesOverIt() throws Exception {
        byte[] encoded = new StunMessageEncoder(StunMessageType.BINDING_SUCCESS_RESPONSE, Rfc5769.TRANSACTION_ID)
                .software("test vector")
                .xorMappedAddress(ipv4Sample())
                .messageIntegrity(new MessageIntegrity(Rfc5769.PASSWORD))
                .fingerprint()
                .toByteArray();

        byte[] expected = Rfc5769.sampleIpv4Response();
        expected[35] = 0;
        assertSameBytesOutsideHashes(encoded, expected, 52, 76);
        assertHashesVerify(encoded);
    }

    @Test
    void shouldReEncodeTheSampleIpv6ResponseAsTheRfcApartFromPaddingAndTheHashesOverIt() throws Exception {
        byte[] encoded = new StunMessageEncoder(StunMessageType.BINDING_SUCCESS_RESPONSE, Rfc5769.TRANSACTION_ID)
                .software("test vector")
                .xorMappedAddress(ipv6Sample())
                .messageIntegrity(new MessageIntegrity(Rfc5769.PASSWORD))
                .fingerprint()
                .toByteArray();

        byte[] expected = Rfc5769.sampleIpv6Response();
        expected[35] = 0;
        assertSameBytesOutsideHashes(encoded, expected, 64, 88);
        assertHashesVerify(encoded);
    }

    @Test
    void shouldComputeTheRfcHashesWhenTheRfcPaddingIsKept() throws Exception {
        byte[] vector = Rfc5769.sampleIpv4Response();
        byte[] recomputed = vector.clone();
        Arrays.fill(recomputed, 52, 72, (byte) 0);
        Arrays.fill(recomputed, 76, 80, (byte) 0);

        new MessageIntegrity(Rfc5769.PASSWORD).write(recomputed, 0, 48, recomputed, 52);
        NetworkByteOrder.writeUint32(recomputed, 76, Fingerprint.compute(recomputed, 0, 72));

        assertThat(recomputed).isEqualTo(vector);
    }

    private StunMessage decode(byte[] datagram) throws MalformedStunException {
        return decoder.decode(datagram, 0, datagram.length);
    }

    /** Compares everything but the MESSAGE-INTEGRITY value (20 bytes) and the FINGERPRINT value (4 bytes). */
    private static void assertSameBytesOutsideHashes(byte[] encoded, byte[] expected, int integrityValueAt,
            int fingerprintValueAt) {
        assertThat(encoded).hasSameSizeAs(expected);
        byte[] encodedWithoutHashes = encoded.clone();
        byte[] expectedWithoutHashes = expected.clone();
        for (byte[] bytes : new byte[][] {encodedWithoutHashes, expectedWithoutHashes}) {
            Arrays.fill(bytes, integrityValueAt, integrityValueAt + 20, (byte) 0);
            Arrays.fill(bytes, fingerprintValueAt, fingerprintValueAt + 4, (byte) 0);
        }
        assertThat(encodedWithoutHashes).isEqualTo(expectedWithoutHashes);
    }

    private void assertHashesVerify(byte[] encoded) throws MalformedStunException {
        StunMessage decoded = decode(encoded);
        assertThat(decoded.integrityMatches(new MessageIntegrity(Rfc5769.PASSWORD))).isTrue();
        assertThat(decoded.fingerprintMatches()).isTrue();
    }

    private static InetSocketAddress ipv4Sample() throws Exception {
        return new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 32853);
    }

    private static InetSocketAddress ipv6Sample() throws Exception {
        return new InetSocketAddress(InetAddress.getByName("2001:db8:1234:5678:11:2233:4455:6677"), 32853);
    }
}
