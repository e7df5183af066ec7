package org.telehealth.media.stun;

import org.telehealth.media.wire.NetworkByteOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Framing: what the decoder accepts, what it rejects and how it indexes attributes. */
class StunMessageDecoderTest {

    private static final TransactionId ID = new TransactionId(0x0102030405060708L, 0x090a0b0c);
    private static final int USERNAME = StunAttributeType.USERNAME.code();

    private final StunMessageDecoder decoder = new StunMessageDecoder();

    @Test
    void shouldReadAMessageWithoutAttributes() throws Exception {
        StunMessage message = decode(new StunMessageEncoder(StunMessageType.BINDING_INDICATION, ID).toByteArray());

        assertThat(message.type()).isEqualTo(StunMessageType.BINDING_INDICATION);
        assertThat(message.transactionId()).isEqualTo(ID);
        assertThat(message.length()).isEqualTo(20);
        for (StunAttributeType type : StunAttributeType.values()) {
            assertThat(message.contains(type)).as(type.toString()).isFalse();
        }
    }

    @Test
    void shouldReadAMessageLyingInTheMiddleOfALargerArray() throws Exception {
        byte[] message = requestWithUsername("abcd:efgh");
        byte[] array = new byte[message.length + 13];
        Arrays.fill(array, (byte) 0xEE);
        System.arraycopy(message, 0, array, 7, message.length);

        StunMessage decoded = decoder.decode(array, 7, message.length);

        assertThat(decoded.username()).contains("abcd:efgh");
        assertThat(decoded.transactionId()).isEqualTo(ID);
        assertThat(decoded.fingerprintMatches()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 8, 12, 16, 19})
    void shouldRejectADatagramShorterThanTheHeader(int length) {
        byte[] datagram = Arrays.copyOf(requestWithUsername("abcd:efgh"), length);

        assertMalformed(datagram, "shorter than the 20-byte STUN header");
    }

    @ParameterizedTest
    @ValueSource(ints = {0x40, 0x80, 0xC0})
    void shouldRejectAMessageWhoseFirstTwoBitsAreSet(int bits) {
        byte[] datagram = requestWithUsername("abcd:efgh");
        datagram[0] |= (byte) bits;

        assertMalformed(datagram, "two first bits");
    }

    @Test
    void shouldRejectAWrongMagicCookie() {
        byte[] datagram = requestWithUsername("abcd:efgh");
        datagram[7] ^= 0x01;

        assertMalformed(datagram, "magic cookie 0x2112a443");
    }

    @Test
    void shouldRejectAnAttributeWithoutItsPadding() {
        byte[] padded = requestWithUsername("abcde");
        byte[] unpadded = Arrays.copyOf(padded, padded.length - 3);
        NetworkByteOrder.writeUint16(unpadded, 2, unpadded.length - 20);

        assertMalformed(unpadded, "not a multiple of 4");
    }

    @Test
    void shouldRejectAMessageWhoseLengthRunsPastTheDatagram() {
        byte[] datagram = requestWithUsername("abcd:efgh");
        byte[] truncated = Arrays.copyOf(datagram, datagram.length - 4);

        assertMalformed(truncated, "header announces " + (datagram.length - 20) + " bytes of attributes but the "
                + "datagram carries " + (truncated.length - 20));
    }

    @Test
    void shouldRejectADatagramLongerThanItsMessage() {
        byte[] datagram = requestWithUsername("abcd:efgh");

        assertMalformed(Arrays.copyOf(datagram, datagram.length + 4), "header announces");
    }

    @Test
    void shouldRejectAnAttributeRunningPastTheEndOfTheMessage() {
        byte[] datagram = new StunMessageEncoder(StunMessageType.BINDING_REQUEST, ID)
                .username("abcd:efgh")
                .toByteArray();
        NetworkByteOrder.writeUint16(datagram, 22, 13);

        assertMalformed(datagram, "attribute 0x0006 at byte 20 declares 13 bytes but only 12 remain");
    }

    @Test
    void shouldRejectAnAttributeLengthOfAllOnes() {
        byte[] datagram = new StunMessageEncoder(StunMessageType.BINDING_REQUEST, ID).priority(1).toByteArray();
        NetworkByteOrder.writeUint16(datagram, 22, 0xFFFF);

        assertMalformed(datagram, "declares 65535 bytes but only 4 remain");
    }

    @Test
    void shouldRejectAnAttributeAfterFingerprint() {
        byte[] datagram = new StunMessageEncoder(StunMessageType.BINDING_REQUEST, ID)
                .fingerprint()
                .toByteArray();
        byte[] withTrailer = Arrays.copyOf(datagram, datagram.length + 4);
        NetworkByteOrder.writeUint16(withTrailer, datagram.length, StunAttributeType.USE_CANDIDATE.code());
        NetworkByteOrder.writeUint16(withTrailer, 2, withTrailer.length - 20);

        assertMalformed(withTrailer, "FINGERPRINT must be last");
    }

    @Test
    void shouldRejectAMessageIntegrityOfTheWrongSize() {
        byte[] datagram = new StunMessageEncoder(StunMessageType.BINDING_REQUEST, ID)
                .attribute(0x0008 ^ 0x1000, new byte[16])
                .toByteArray();
        NetworkByteOrder.writeUint16(datagram, 20, StunAttributeType.MESSAGE_INTEGRITY.code());

        assertMalformed(datagram, "attribute 0x0008 at byte 20 has 16 bytes instead of 20");
    }

    @Test
    void shouldRejectAFingerprintOfTheWrongSize() {
        byte[] datagram = new StunMessageEncoder(StunMessageType.BINDING_REQUEST, ID)
                .attribute(0x8028 ^ 0x0100, new byte[8])
                .toByteArray();
        NetworkByteOrder.writeUint16(datagram, 20, StunAttributeType.FINGERPRINT.code());

        assertMalformed(datagram, "attribute 0x8028 at byte 20 has 8 bytes instead of 4");
    }

    @Test
    void shouldRejectADatagramLargerThanTheLimit() throws Exception {
        byte[] datagram = new StunMessageEncoder(StunMessageType.BINDING_REQUEST, ID)
                .attribute(0x8000, new byte[StunMessageDecoder.DEFAULT_MAX_MESSAGE_BYTES - 20])
                .toByteArray();

        assertMalformed(datagram, "datagram of 1284 bytes exceeds the limit of 1280");
        assertThat(new StunMessageDecoder(2048).decode(datagram, 0, datagram.length).length()).isEqualTo(1284);
    }

    @Test
    void shouldAcceptADatagramOfExactlyTheLimit() throws Exception {
        byte[] datagram = new StunMessageEncoder(StunMessageType.BINDING_REQUEST, ID)
                .attribute(0x8000, new byte[StunMessageDecoder.DEFAULT_MAX_MESSAGE_BYTES - 24])
                .toByteArray();

        assertThat(decode(datagram).length()).isEqualTo(StunMessageDecoder.DEFAULT_MAX_MESSAGE_BYTES);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 19, 20 + 0xFFFC + 1})
    void shouldRefuseALimitNoMessageCouldMeet(int limit) {
        assertThatIllegalArgumentException().isThrownBy(() -> new StunMessageDecoder(limit));
    }

    @Test
    void shouldTreatARangeOutsideTheArrayAsTheCallersBug() {
        byte[] datagram = requestWithUsername("abcd:efgh");

        assertThatThrownBy(() -> decoder.decode(datagram, 4, datagram.length))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void shouldSkipUnknownComprehensionOptionalAttributes() throws Exception {
        StunMessage message = decode(new StunMessageEncoder(StunMessageType.BINDING_REQUEST, ID)
                .attribute(0xC057, new byte[] {0, 1, 0, 0})
                .attribute(0xFFFF, new byte[5])
                .username("abcd:efgh")
                .toByteArray());

        assertThat(message.username()).contains("abcd:efgh");
        assertThat(message.unknownComprehensionRequiredAttributes()).isEmpty();
    }

    @Test
    void shouldListUnknownComprehensionRequiredAttributesOnceEachInOrder() throws Exception {
        StunMessage message = decode(new StunMessageEncoder(StunMessageType.BINDING_REQUEST, ID)
                .attribute(0x7FFF, new byte[0])
                .attribute(0x0003, new byte[4])
                .attribute(0x7FFF, new byte[2])
                .attribute(0x0000, new byte[0])
                .toByteArray());

        assertThat(message.unknownComprehensionRequiredAttributes()).containsExactly(0x7FFF, 0x0003, 0x0000);
    }

    @Test
    void shouldListAtMostThirtyTwoUnknownAttributes() throws Exception {
        StunMessageEncoder encoder = new StunMessageEncoder(StunMessageType.BINDING_REQUEST, ID);
        List<Integer> sent = new ArrayList<>();
        for (int type = 0x4000; type < 0x4000 + 40; type++) {
            encoder.attribute(type, new byte[0]);
            sent.add(type);
        }

        assertThat(decode(encoder.toByteArray()).unknownComprehensionRequiredAttributes())
                .containsExactlyElementsOf(sent.subList(0, AttributeIndex.MAX_UNKNOWN_TYPES));
    }

    @Test
    void shouldKeepTheFirstOfTwoAttributesOfOneType() throws Exception {
        StunMessage message = decode(new StunMessageEncoder(StunMessageType.BINDING_REQUEST, ID)
                .username("first:one")
                .priority(7)
                .username("second:one")
                .priority(9)
                .toByteArray());

        assertThat(message.username()).contains("first:one");
        assertThat(message.priority()).hasValue(7);
    }

    @Test
    void shouldIgnoreEverythingButFingerprintAfterMessageIntegrity() throws Exception {
        byte[] datagram = new StunMessageEncoder(StunMessageType.BINDING_REQUEST, ID)
                .messageIntegrity(new MessageIntegrity("a-password"))
                .fingerprint()
                .toByteArray();
        byte[] tampered = insertBeforeFingerprint(datagram, HexBytes.parse("""
                00 25 00 00
                00 06 00 04 61 3a 62 63
                7f 00 00 00
                """));

        StunMessage message = decode(tampered);

        assertThat(message.contains(StunAttributeType.USE_CANDIDATE)).isFalse();
        assertThat(message.contains(StunAttributeType.USERNAME)).isFalse();
        assertThat(message.unknownComprehensionRequiredAttributes()).isEmpty();
        assertThat(message.contains(StunAttributeType.MESSAGE_INTEGRITY)).isTrue();
        assertThat(message.contains(StunAttributeType.FINGERPRINT)).isTrue();
        assertThat(message.integrityMatches(new MessageIntegrity("a-password"))).isTrue();
    }

    @Test
    void shouldFindNoIntegrityOrFingerprintWhereThereIsNone() throws Exception {
        StunMessage message = decode(new StunMessageEncoder(StunMessageType.BINDING_REQUEST, ID)
                .username("abcd:efgh")
                .toByteArray());

        assertThat(message.integrityMatches(new MessageIntegrity("a-password"))).isFalse();
        assertThat(message.fingerprintMatches()).isFalse();
    }

    @Test
    void shouldTellWhenTheFingerprintDoesNotMatch() throws Exception {
        byte[] datagram = requestWithUsername("abcd:efgh");
        datagram[datagram.length - 1] ^= 0x01;

        assertThat(decode(datagram).fingerprintMatches()).isFalse();
    }

    @Test
    void shouldRaiseMalformedStunExceptionsWithoutAStackTrace() {
        MalformedStunException e = new MalformedStunException("why");

        assertThat(e).hasMessage("why");
        assertThat(e.getStackTrace()).isEmpty();
    }

    static Stream<Arguments> valuesThatBreakTheirAttributesRules() {
        byte[] invalidUtf8 = {(byte) 0xC3, (byte) 0x28};
        return Stream.of(
                Arguments.of(StunAttributeType.PRIORITY, new byte[3], "PRIORITY must have 4 bytes, not 3"),
                Arguments.of(StunAttributeType.PRIORITY, new byte[8], "PRIORITY must have 4 bytes, not 8"),
                Arguments.of(StunAttributeType.USE_CANDIDATE, new byte[4], "USE-CANDIDATE must have 0 bytes, not 4"),
                Arguments.of(StunAttributeType.ICE_CONTROLLING, new byte[4], "ICE-CONTROLLING must have 8 bytes"),
                Arguments.of(StunAttributeType.ICE_CONTROLLED, new byte[12], "ICE-CONTROLLED must have 8 bytes"),
                Arguments.of(StunAttributeType.XOR_MAPPED_ADDRESS, new byte[2], "XOR-MAPPED-ADDRESS of 2 bytes"),
                Arguments.of(StunAttributeType.XOR_MAPPED_ADDRESS, HexBytes.parse("00 03 00 00 00 00 00 00"),
                        "unknown address family 3"),
                Arguments.of(StunAttributeType.XOR_MAPPED_ADDRESS, withFamily(1, 20), "must have 8 bytes, not 20"),
                Arguments.of(StunAttributeType.XOR_MAPPED_ADDRESS, withFamily(2, 8), "must have 20 bytes, not 8"),
                Arguments.of(StunAttributeType.ERROR_CODE, new byte[3], "ERROR-CODE of 3 bytes"),
                Arguments.of(StunAttributeType.ERROR_CODE, HexBytes.parse("00 00 02 63"), "class 2 and number 99"),
                Arguments.of(StunAttributeType.ERROR_CODE, HexBytes.parse("00 00 07 00"), "class 7"),
                Arguments.of(StunAttributeType.ERROR_CODE, HexBytes.parse("00 00 04 64"), "number 100"),
                Arguments.of(StunAttributeType.ERROR_CODE, concat(HexBytes.parse("00 00 04 01"), invalidUtf8),
                        "ERROR-CODE is not valid UTF-8"),
                Arguments.of(StunAttributeType.USERNAME, invalidUtf8, "USERNAME is not valid UTF-8"),
                Arguments.of(StunAttributeType.USERNAME, new byte[513], "USERNAME of 513 bytes exceeds 512"),
                Arguments.of(StunAttributeType.SOFTWARE, invalidUtf8, "SOFTWARE is not valid UTF-8"),
                Arguments.of(StunAttributeType.UNKNOWN_ATTRIBUTES, new byte[3], "odd number of bytes: 3"));
    }

    @ParameterizedTest
    @MethodSource("valuesThatBreakTheirAttributesRules")
    void shouldRejectAValueThatBreaksItsAttributesRulesWhenItIsRead(StunAttributeType type, byte[] value,
            String why) throws Exception {
        StunMessage message = decode(new StunMessageEncoder(StunMessageType.BINDING_REQUEST, ID)
                .attribute(type.code(), value)
                .toByteArray());

        assertThat(message.contains(type)).isTrue();
        assertThatThrownBy(() -> read(message, type))
                .isInstanceOf(MalformedStunException.class)
                .hasMessageContaining(why);
    }

    @Test
    void shouldAcceptAUsernameOfTheLargestSize() throws Exception {
        String username = "u".repeat(StunMessage.MAX_USERNAME_BYTES);
        StunMessage message = decode(new StunMessageEncoder(StunMessageType.BINDING_REQUEST, ID)
                .attribute(USERNAME, username.getBytes(StandardCharsets.UTF_8))
                .toByteArray());

        assertThat(message.username()).contains(username);
    }

    private static void read(StunMessage message, StunAttributeType type) throws MalformedStunException {
        switch (type) {
            case PRIORITY -> message.priority();
            case USE_CANDIDATE -> message.useCandidate();
            case ICE_CONTROLLING -> message.iceControlling();
            case ICE_CONTROLLED -> message.iceControlled();
            case XOR_MAPPED_ADDRESS -> message.xorMappedAddress();
            case ERROR_CODE -> message.errorCode();
            case USERNAME -> message.username();
            case SOFTWARE -> message.software();
            case UNKNOWN_ATTRIBUTES -> message.reportedUnknownAttributes();
            default -> throw new AssertionError("no accessor reads " + type);
        }
    }

    private StunMessage decode(byte[] datagram) throws MalformedStunException {
        return decoder.decode(datagram, 0, datagram.length);
    }

    private void assertMalformed(byte[] datagram, String why) {
        assertThatThrownBy(() -> decode(datagram))
                .isInstanceOf(MalformedStunException.class)
                .hasMessageContaining(why);
    }

    private static byte[] requestWithUsername(String username) {
        return new StunMessageEncoder(StunMessageType.BINDING_REQUEST, ID)
                .username(username)
                .fingerprint()
                .toByteArray();
    }

    /** Puts {@code attributes} between MESSAGE-INTEGRITY and the final FINGERPRINT, fixing the length. */
    private static byte[] insertBeforeFingerprint(byte[] message, byte[] attributes) {
        int fingerprintAt = message.length - 8;
        byte[] result = new byte[message.length + attributes.length];
        System.arraycopy(message, 0, result, 0, fingerprintAt);
        System.arraycopy(attributes, 0, result, fingerprintAt, attributes.length);
        System.arraycopy(message, fingerprintAt, result, fingerprintAt + attributes.length, 8);
        NetworkByteOrder.writeUint16(result, 2, result.length - 20);
        NetworkByteOrder.writeUint32(result, result.length - 4, Fingerprint.compute(result, 0, result.length - 8));
        return result;
    }

    private static byte[] withFamily(int family, int length) {
        byte[] value = new byte[length];
        value[1] = (byte) family;
        return value;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
