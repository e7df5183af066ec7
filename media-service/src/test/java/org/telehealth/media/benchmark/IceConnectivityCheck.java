package org.telehealth.media.benchmark;

import java.security.SecureRandom;
import org.telehealth.media.stun.IceCredentials;
import org.telehealth.media.stun.MalformedStunException;
import org.telehealth.media.stun.MessageIntegrity;
import org.telehealth.media.stun.StunMessage;
import org.telehealth.media.stun.StunMessageDecoder;
import org.telehealth.media.stun.StunMessageEncoder;
import org.telehealth.media.stun.StunMessageType;
import org.telehealth.media.stun.TransactionId;

/**
 * The connectivity checks a controlling browser sends to the ICE-lite SFU (RFC 8445 §7.2): USERNAME
 * {@code sfuUfrag:ourUfrag}, PRIORITY, ICE-CONTROLLING, USE-CANDIDATE to nominate the pair, signed
 * with the SFU's password and ended by a FINGERPRINT. The same request, sent again every few
 * seconds, keeps the SFU's consent (RFC 7675) while media flows.
 */
final class IceConnectivityCheck {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** A host candidate's priority as Chrome computes it for its first local address. */
    private static final long HOST_PRIORITY = 2_122_260_223L;

    private final IceCredentials local;
    private final IceCredentials remote;
    private final MessageIntegrity remoteIntegrity;
    private final long tieBreaker = RANDOM.nextLong();

    IceConnectivityCheck(IceCredentials local, IceCredentials remote) {
        this.local = local;
        this.remote = remote;
        this.remoteIntegrity = new MessageIntegrity(remote.password());
    }

    /** A fresh request (new transaction id) that nominates the pair. */
    Request request() {
        TransactionId id = new TransactionId(RANDOM.nextLong(), RANDOM.nextInt());
        byte[] bytes = new StunMessageEncoder(StunMessageType.BINDING_REQUEST, id)
                .username(remote.ufrag() + ":" + local.ufrag())
                .priority(HOST_PRIORITY)
                .iceControlling(tieBreaker)
                .useCandidate()
                .messageIntegrity(remoteIntegrity)
                .fingerprint()
                .toByteArray();
        return new Request(id, bytes);
    }

    /** Whether {@code datagram} is the SFU's signed success response to {@code request}. */
    boolean isSuccessResponse(Request request, byte[] datagram, int length) {
        try {
            StunMessage message = new StunMessageDecoder().decode(datagram, 0, length);
            return message.type().equals(StunMessageType.BINDING_SUCCESS_RESPONSE)
                    && message.transactionId().equals(request.id())
                    && message.integrityMatches(remoteIntegrity)
                    && message.fingerprintMatches();
        } catch (MalformedStunException e) {
            return false;
        }
    }

    /** A binding request and its transaction id. */
    record Request(TransactionId id, byte[] bytes) {
    }
}
