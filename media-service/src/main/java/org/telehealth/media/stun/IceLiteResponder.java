package org.telehealth.media.stun;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Answers the connectivity checks a browser sends to the SFU. The SFU is an ICE-lite agent
 * (RFC 8445 §2.5): it sends no checks of its own, it only answers each authenticated Binding
 * request, proving it knows the local password and telling the peer the address the request came
 * from; the peer, always the controlling agent, nominates the pair with USE-CANDIDATE.
 *
 * <p>Each datagram goes through these steps, after RFC 8489 §6.3 and §9.1.3 and RFC 8445 §7.3:
 * <ol>
 *   <li>not a well-framed STUN message, not a Binding request, or a wrong FINGERPRINT: dropped;
 *   <li>no USERNAME or no MESSAGE-INTEGRITY, or a USERNAME that is not UTF-8: 400;
 *   <li>USERNAME other than {@code <local ufrag>:<remote ufrag>}, or MESSAGE-INTEGRITY not made with
 *       the local password: 401. These two answers carry no MESSAGE-INTEGRITY, as nothing
 *       authenticated the request;
 *   <li>unknown comprehension-required attributes: 420 listing them; no PRIORITY, or a garbled
 *       PRIORITY, USE-CANDIDATE, ICE-CONTROLLING or ICE-CONTROLLED: 400;
 *   <li>otherwise a success response with XOR-MAPPED-ADDRESS.
 * </ol>
 * Every response carries FINGERPRINT, and from step 4 on MESSAGE-INTEGRITY with the local password.
 *
 * <p>One responder per ICE session. Not thread-safe, as its {@link MessageIntegrity} is not: it
 * belongs to the thread that reads the session's socket.
 */
public final class IceLiteResponder {

    private final String usernamePrefix;
    private final MessageIntegrity integrity;
    private final StunMessageDecoder decoder;

    public IceLiteResponder(IceCredentials local) {
        this(local, new StunMessageDecoder());
    }

    public IceLiteResponder(IceCredentials local, StunMessageDecoder decoder) {
        Objects.requireNonNull(local, "local");
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.usernamePrefix = local.ufrag() + ":";
        this.integrity = new MessageIntegrity(local.password());
    }

    /**
     * Handles the datagram {@code datagram[offset, offset + length)} that arrived from
     * {@code source}. The array is only read during the call.
     */
    public BindingOutcome respond(byte[] datagram, int offset, int length, InetSocketAddress source) {
        Objects.requireNonNull(datagram, "datagram");
        if (source == null || source.isUnresolved()) {
            throw new IllegalArgumentException("the source of a datagram is a resolved address, got " + source);
        }
        StunMessage request;
        try {
            request = decoder.decode(datagram, offset, length);
        } catch (MalformedStunException e) {
            return new BindingOutcome.Dropped(BindingOutcome.Dropped.Reason.MALFORMED, e.getMessage());
        }
        if (!request.type().equals(StunMessageType.BINDING_REQUEST)) {
            return new BindingOutcome.Dropped(BindingOutcome.Dropped.Reason.NOT_A_BINDING_REQUEST,
                    "a " + request.type() + " needs no answer from an ICE-lite agent");
        }
        // RFC 8445 §7.2.2: connectivity checks MUST carry FINGERPRINT; without it, or with a wrong
        // one, the datagram is not ICE (RFC 7983 shares the port with other protocols).
        if (!request.contains(StunAttributeType.FINGERPRINT) || !request.fingerprintMatches()) {
            return new BindingOutcome.Dropped(BindingOutcome.Dropped.Reason.FINGERPRINT_MISMATCH,
                    "FINGERPRINT of " + request.transactionId() + " is missing or does not match its content");
        }
        return answer(request, source);
    }

    private BindingOutcome answer(StunMessage request, InetSocketAddress source) {
        if (!request.contains(StunAttributeType.USERNAME)
                || !request.contains(StunAttributeType.MESSAGE_INTEGRITY)) {
            return rejectUnauthenticated(request, StunErrorCode.BAD_REQUEST);
        }
        Optional<String> remoteUfrag;
        try {
            remoteUfrag = request.username().flatMap(this::remoteUfrag);
        } catch (MalformedStunException e) {
            return rejectUnauthenticated(request, StunErrorCode.BAD_REQUEST);
        }
        if (remoteUfrag.isEmpty() || !request.integrityMatches(integrity)) {
            return rejectUnauthenticated(request, StunErrorCode.UNAUTHORIZED);
        }

        List<Integer> unknown = request.unknownComprehensionRequiredAttributes();
        if (!unknown.isEmpty()) {
            return rejectAuthenticated(request, StunErrorCode.UNKNOWN_ATTRIBUTE, unknown);
        }
        OptionalLong priority;
        boolean useCandidate;
        try {
            priority = request.priority();
            useCandidate = request.useCandidate();
            request.iceControlling();
            request.iceControlled();
        } catch (MalformedStunException e) {
            return rejectAuthenticated(request, StunErrorCode.BAD_REQUEST, List.of());
        }
        if (priority.isEmpty()) {
            return rejectAuthenticated(request, StunErrorCode.BAD_REQUEST, List.of());
        }

        byte[] response = new StunMessageEncoder(StunMessageType.BINDING_SUCCESS_RESPONSE, request.transactionId())
                .xorMappedAddress(source)
                .messageIntegrity(integrity)
                .fingerprint()
                .toByteArray();
        return new BindingOutcome.Accepted(response, remoteUfrag.get(), source, priority.getAsLong(), useCandidate);
    }

    /** The remote ufrag of a USERNAME {@code <local ufrag>:<remote ufrag>}, or empty if it is not ours. */
    private Optional<String> remoteUfrag(String username) {
        if (username.length() <= usernamePrefix.length() || !username.startsWith(usernamePrefix)) {
            return Optional.empty();
        }
        return Optional.of(username.substring(usernamePrefix.length()));
    }

    private static BindingOutcome.Rejected rejectUnauthenticated(StunMessage request, StunErrorCode error) {
        byte[] response = errorResponse(request, error).fingerprint().toByteArray();
        return new BindingOutcome.Rejected(response, error);
    }

    private BindingOutcome.Rejected rejectAuthenticated(StunMessage request, StunErrorCode error,
            List<Integer> unknownAttributes) {
        StunMessageEncoder response = errorResponse(request, error);
        if (!unknownAttributes.isEmpty()) {
            response.unknownAttributes(unknownAttributes);
        }
        return new BindingOutcome.Rejected(response.messageIntegrity(integrity).fingerprint().toByteArray(), error);
    }

    private static StunMessageEncoder errorResponse(StunMessage request, StunErrorCode error) {
        return new StunMessageEncoder(StunMessageType.BINDING_ERROR_RESPONSE, request.transactionId()).errorCode(error);
    }
}
