package org.telehealth.media.stun;

import org.telehealth.media.wire.NetworkByteOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The ICE-lite answer to each kind of datagram, with the responses parsed back attribute by attribute. */
class IceLiteResponderTest {

    private static final IceCredentials LOCAL = new IceCredentials("sfuA", "sfuPasswordOf22Chars+/");
    private static final String REMOTE_UFRAG = "brws";
    private static final String USERNAME = LOCAL.ufrag() + ":" + REMOTE_UFRAG;
    private static final TransactionId ID = new TransactionId(0x1122334455667788L, 0x99AABBCC);
    private static final long PRIORITY = 1_853_817_087L;

    private final IceLiteResponder responder = new IceLiteResponder(LOCAL);
    private final InetSocketAddress source = address("198.51.100.7", 50123);

    @Test
    void shouldAnswerAGoodCheckWithASuccessResponseNamingItsSource() throws Exception {
        BindingOutcome outcome = respond(signed(check()));

        assertThat(outcome).isInstanceOf(BindingOutcome.Accepted.class);
        BindingOutcome.Accepted accepted = (BindingOutcome.Accepted) outcome;
        assertThat(accepted.remoteUfrag()).isEqualTo(REMOTE_UFRAG);
        assertThat(accepted.source()).isEqualTo(source);
        assertThat(accepted.priority()).isEqualTo(PRIORITY);
        assertThat(accepted.useCandidate()).isFalse();

        StunMessage response = parse(accepted.response());
        assertThat(response.type()).isEqualTo(StunMessageType.BINDING_SUCCESS_RESPONSE);
        assertThat(response.transactionId()).isEqualTo(ID);
        assertThat(response.xorMappedAddress()).contains(source);
        assertThat(response.integrityMatches(new MessageIntegrity(LOCAL.password()))).isTrue();
        assertThat(response.fingerprintMatches()).isTrue();
        assertOnlyAttributes(response, StunAttributeType.XOR_MAPPED_ADDRESS, StunAttributeType.MESSAGE_INTEGRITY,
                StunAttributeType.FINGERPRINT);
        assertThat(response.length()).isEqualTo(20 + 12 + 24 + 8);
    }

    @Test
    void shouldAnswerACheckFromAnIpv6Source() throws Exception {
        InetSocketAddress ipv6Source = address("2001:db8::beef", 9);

        byte[] request = signed(check());

        BindingOutcome outcome = responder.respond(request, 0, request.length, ipv6Source);

        StunMessage response = parse(((BindingOutcome.Accepted) outcome).response());
        assertThat(response.xorMappedAddress()).contains(ipv6Source);
        assertThat(response.integrityMatches(new MessageIntegrity(LOCAL.password()))).isTrue();
    }

    @Test
    void shouldReportThatThePeerNominatesThePairWithUseCandidate() {
        BindingOutcome outcome = respond(signed(check().useCandidate()));

        assertThat(outcome).isInstanceOf(BindingOutcome.Accepted.class);
        assertThat(((BindingOutcome.Accepted) outcome).useCandidate()).isTrue();
    }

    @Test
    void shouldAnswerTheRfc5769SampleRequestUnderItsCredentials() throws Exception {
        IceLiteResponder rfcResponder = new IceLiteResponder(new IceCredentials("evtj", Rfc5769.PASSWORD));
        byte[] request = Rfc5769.sampleRequest();

        BindingOutcome outcome = rfcResponder.respond(request, 0, request.length, source);

        assertThat(outcome).isInstanceOf(BindingOutcome.Accepted.class);
        BindingOutcome.Accepted accepted = (BindingOutcome.Accepted) outcome;
        assertThat(accepted.remoteUfrag()).isEqualTo("h6vY");
        assertThat(accepted.priority()).isEqualTo(0x6e0001ffL);
        StunMessage response = parse(accepted.response());
        assertThat(response.transactionId()).isEqualTo(Rfc5769.TRANSACTION_ID);
        assertThat(response.integrityMatches(new MessageIntegrity(Rfc5769.PASSWORD))).isTrue();
    }

    @Test
    void shouldDropACheckWithoutFingerprint() {
        byte[] request = check().messageIntegrity(new MessageIntegrity(LOCAL.password())).toByteArray();

        assertThat(respond(request)).isInstanceOfSatisfying(BindingOutcome.Dropped.class,
                dropped -> assertThat(dropped.reason()).isEqualTo(BindingOutcome.Dropped.Reason.FINGERPRINT_MISMATCH));
    }

    @Test
    void shouldIgnoreUnknownComprehensionOptionalAttributes() {
        assertThat(respond(signed(check().attribute(0xC057, new byte[] {0, 1, 0, 10}))))
                .isInstanceOf(BindingOutcome.Accepted.class);
    }

    @Test
    void shouldNotReportAUseCandidateSlippedInAfterMessageIntegrity() {
        byte[] request = check().messageIntegrity(new MessageIntegrity(LOCAL.password())).toByteArray();
        byte[] withUseCandidate = Arrays.copyOf(request, request.length + 4);
        NetworkByteOrder.writeUint16(withUseCandidate, request.length, StunAttributeType.USE_CANDIDATE.code());
        NetworkByteOrder.writeUint16(withUseCandidate, 2, withUseCandidate.length - 20);

        BindingOutcome outcome = respond(withUseCandidate);

        assertThat(outcome instanceof BindingOutcome.Accepted accepted && accepted.useCandidate()).isFalse();
    }

    @Test
    void shouldReadADatagramLyingInsideALargerBuffer() {
        byte[] request = signed(check());
        byte[] buffer = new byte[request.length + 100];
        System.arraycopy(request, 0, buffer, 33, request.length);

        assertThat(responder.respond(buffer, 33, request.length, source)).isInstanceOf(BindingOutcome.Accepted.class);
    }

    @Test
    void shouldAnswer401ToACheckSignedWithAnotherPassword() throws Exception {
        byte[] request = check().messageIntegrity(new MessageIntegrity("notTheSfuPassword12345")).fingerprint()
                .toByteArray();

        assertUnauthenticatedError(respond(request), StunErrorCode.UNAUTHORIZED);
    }

    @Test
    void shouldAnswer401ToACheckForAnotherUfrag() throws Exception {
        for (String username : new String[] {"othr:" + REMOTE_UFRAG, "sfuAB:" + REMOTE_UFRAG, "sfuA:", "sfuA", "",
                REMOTE_UFRAG + ":" + LOCAL.ufrag()}) {
            byte[] request = signed(new StunMessageEncoder(StunMessageType.BINDING_REQUEST, ID)
                    .username(username)
                    .priority(PRIORITY));

            assertUnauthenticatedError(respond(request), StunErrorCode.UNAUTHORIZED);
        }
    }

    @Test
    void shouldAnswer400ToACheckWithoutUsername() throws Exception {
        byte[] request = signed(new StunMessageEncoder(StunMessageType.BINDING_REQUEST, ID).priority(PRIORITY));

        assertUnauthenticatedError(respond(request), StunErrorCode.BAD_REQUEST);
    }

    @Test
    void shouldAnswer400ToACheckWithoutMessageIntegrity() throws Exception {
        byte[] request = check().fingerprint().toByteArray();

        assertUnauthenticatedError(respond(request), StunErrorCode.BAD_REQUEST);
    }

    @Test
    void shouldAnswer400ToAUsernameThatIsNotUtf8() throws Exception {
        byte[] username = (LOCAL.ufrag() + ":").getBytes(StandardCharsets.UTF_8);
        byte[] invalid = Arrays.copyOf(username, username.length + 2);
        invalid[username.length] = (byte) 0xC3;
        invalid[username.length + 1] = (byte) 0x28;
        byte[] request = signed(new StunMessageEncoder(StunMessageType.BINDING_REQUEST, ID)
                .attribute(StunAttributeType.USERNAME.code(), invalid)
                .priority(PRIORITY));

        assertUnauthenticatedError(respond(request), StunErrorCode.BAD_REQUEST);
    }

    @Test
    void shouldAnswer400WithIntegrityToAnAuthenticCheckWithoutPriority() throws Exception {
        byte[] request = signed(new StunMessageEncoder(StunMessageType.BINDING_REQUEST, ID).username(USERNAME));

        assertAuthenticatedError(respond(request), StunErrorCode.BAD_REQUEST);
    }

    @Test
    void shouldAnswer400WithIntegrityToAnAuthenticCheckWithAGarbledAttribute() throws Exception {
        for (StunMessageEncoder garbled : new StunMessageEncoder[] {
                new StunMessageEncoder(StunMessageType.BINDING_REQUEST, ID).username(USERNAME)
                        .attribute(StunAttributeType.PRIORITY.code(), new byte[3]),
                check().attribute(StunAttributeType.USE_CANDIDATE.code(), new byte[1]),
                new StunMessageEncoder(StunMessageType.BINDING_REQUEST, ID).username(USERNAME).priority(PRIORITY)
                        .attribute(StunAttributeType.ICE_CONTROLLING.code(), new byte[4])}) {

            assertAuthenticatedError(respond(signed(garbled)), StunErrorCode.BAD_REQUEST);
        }
    }

    @Test
    void shouldAnswer420ListingTheComprehensionRequiredAttributesItDoesNotKnow() throws Exception {
        byte[] request = signed(check().attribute(0x7ABC, new byte[2]).attribute(0x0003, new byte[0]));

        StunMessage response = assertAuthenticatedError(respond(request), StunErrorCode.UNKNOWN_ATTRIBUTE);

        assertThat(response.reportedUnknownAttributes()).containsExactly(0x7ABC, 0x0003);
    }

    @Test
    void shouldDropWhatIsNotStun() {
        assertDropped(new byte[0], BindingOutcome.Dropped.Reason.MALFORMED);
        assertDropped("GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
                BindingOutcome.Dropped.Reason.MALFORMED);
        assertDropped(HexBytes.parse("16 fe fd 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00"),
                BindingOutcome.Dropped.Reason.MALFORMED);
    }

    @Test
    void shouldDropStunMessagesOtherThanBindingRequests() {
        for (StunMessageType type : new StunMessageType[] {StunMessageType.BINDING_INDICATION,
                StunMessageType.BINDING_SUCCESS_RESPONSE, StunMessageType.BINDING_ERROR_RESPONSE,
                new StunMessageType(0x003, StunMessageClass.REQUEST)}) {
            byte[] message = signed(new StunMessageEncoder(type, ID).username(USERNAME).priority(PRIORITY));

            assertDropped(message, BindingOutcome.Dropped.Reason.NOT_A_BINDING_REQUEST);
        }
    }

    @Test
    void shouldDropACheckWhoseFingerprintIsWrong() {
        byte[] request = signed(check());
        request[request.length - 2] ^= 0x40;

        assertDropped(request, BindingOutcome.Dropped.Reason.FINGERPRINT_MISMATCH);
    }

    /*
     * MESSAGE-INTEGRITY protects everything before it, FINGERPRINT nothing: a change to the
     * FINGERPRINT attribute's type turns it into an unknown optional attribute, ignored after
     * MESSAGE-INTEGRITY, and the still authentic check goes through, meaning what it meant.
     */
    @Test
    void shouldAcceptNoSingleByteChangeOfAGoodCheckExceptAnAuthenticOneUnaltered() {
        byte[] request = signed(check().useCandidate());
        int fingerprintAt = request.length - 8;
        BindingOutcome.Accepted original = (BindingOutcome.Accepted) respond(request);
        for (int at = 0; at < request.length; at++) {
            for (int flip = 1; flip <= 0xFF; flip++) {
                byte[] changed = request.clone();
                changed[at] ^= (byte) flip;

                BindingOutcome outcome = respond(changed);

                if (outcome instanceof BindingOutcome.Accepted accepted) {
                    assertThat(at).as("byte %d XOR 0x%02x", at, flip).isBetween(fingerprintAt, fingerprintAt + 1);
                    assertThat(accepted.response()).isEqualTo(original.response());
                    assertThat(accepted).usingRecursiveComparison().isEqualTo(original);
                }
            }
        }
    }

    @Test
    void shouldRefuseAnUnresolvedSource() {
        byte[] request = signed(check());

        assertThatIllegalArgumentException().isThrownBy(() ->
                responder.respond(request, 0, request.length, InetSocketAddress.createUnresolved("peer", 1)));
    }

    @Test
    void shouldRefuseCredentialsThatAreNotIceChars() {
        assertThatIllegalArgumentException().isThrownBy(() -> new IceCredentials("abc", LOCAL.password()));
        assertThatIllegalArgumentException().isThrownBy(() -> new IceCredentials("ab:c", LOCAL.password()));
        assertThatIllegalArgumentException().isThrownBy(() -> new IceCredentials("abcd", "tooShortPassword"));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new IceCredentials("abcd", "has a space in the password"));
        assertThatIllegalArgumentException().isThrownBy(() -> new IceCredentials(null, LOCAL.password()));
        assertThat(LOCAL.toString()).doesNotContain(LOCAL.password());
    }

    private StunMessageEncoder check() {
        return new StunMessageEncoder(StunMessageType.BINDING_REQUEST, ID)
                .username(USERNAME)
                .priority(PRIORITY)
                .iceControlling(0x0102030405060708L);
    }

    private static byte[] signed(StunMessageEncoder request) {
        return request.messageIntegrity(new MessageIntegrity(LOCAL.password())).fingerprint().toByteArray();
    }

    private BindingOutcome respond(byte[] datagram) {
        return responder.respond(datagram, 0, datagram.length, source);
    }

    private void assertDropped(byte[] datagram, BindingOutcome.Dropped.Reason reason) {
        BindingOutcome outcome = respond(datagram);

        assertThat(outcome).isInstanceOf(BindingOutcome.Dropped.class);
        assertThat(((BindingOutcome.Dropped) outcome).reason()).isEqualTo(reason);
        assertThat(((BindingOutcome.Dropped) outcome).detail()).isNotBlank();
    }

    /** An error response to a request nothing authenticated: no MESSAGE-INTEGRITY. */
    private static StunMessage assertUnauthenticatedError(BindingOutcome outcome, StunErrorCode error)
            throws MalformedStunException {
        StunMessage response = assertError(outcome, error);
        assertOnlyAttributes(response, StunAttributeType.ERROR_CODE, StunAttributeType.FINGERPRINT);
        return response;
    }

    /** An error response to an authenticated request: signed with the local password. */
    private static StunMessage assertAuthenticatedError(BindingOutcome outcome, StunErrorCode error)
            throws MalformedStunException {
        StunMessage response = assertError(outcome, error);
        assertThat(response.integrityMatches(new MessageIntegrity(LOCAL.password()))).isTrue();
        return response;
    }

    private static StunMessage assertError(BindingOutcome outcome, StunErrorCode error) throws MalformedStunException {
        assertThat(outcome).isInstanceOf(BindingOutcome.Rejected.class);
        BindingOutcome.Rejected rejected = (BindingOutcome.Rejected) outcome;
        assertThat(rejected.error()).isEqualTo(error);
        StunMessage response = parse(rejected.response());
        assertThat(response.type()).isEqualTo(StunMessageType.BINDING_ERROR_RESPONSE);
        assertThat(response.transactionId()).isEqualTo(ID);
        assertThat(response.errorCode()).contains(error);
        assertThat(response.fingerprintMatches()).isTrue();
        assertThat(response.contains(StunAttributeType.XOR_MAPPED_ADDRESS)).isFalse();
        return response;
    }

    private static void assertOnlyAttributes(StunMessage message, StunAttributeType... expected) {
        for (StunAttributeType type : StunAttributeType.values()) {
            assertThat(message.contains(type)).as(type.toString()).isEqualTo(Arrays.asList(expected).contains(type));
        }
        assertThat(message.unknownComprehensionRequiredAttributes()).isEmpty();
    }

    private static StunMessage parse(byte[] response) throws MalformedStunException {
        return new StunMessageDecoder().decode(response, 0, response.length);
    }

    private static InetSocketAddress address(String host, int port) {
        try {
            return new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
