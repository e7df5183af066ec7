package org.telehealth.media.stun;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * What {@link IceLiteResponder} made of one datagram: a check it answered with success, a
 * request it refused with an error response, or something it dropped without a word. The two
 * first carry the bytes to send back to the datagram's source; the caller owns them.
 */
public sealed interface BindingOutcome {

    /**
     * An authenticated connectivity check from {@code source}, answered with a Binding success
     * response.
     *
     * @param response the success response to send to {@code source}
     * @param remoteUfrag the peer's ufrag, from USERNAME; the caller checks it against the remote SDP
     * @param source where the check came from, the peer's candidate for this pair
     * @param priority the PRIORITY the peer asked for a peer-reflexive candidate
     * @param useCandidate whether USE-CANDIDATE was present: the peer nominates this pair
     */
    record Accepted(byte[] response, String remoteUfrag, InetSocketAddress source, long priority,
            boolean useCandidate) implements BindingOutcome {

        public Accepted {
            Objects.requireNonNull(response, "response");
            Objects.requireNonNull(remoteUfrag, "remoteUfrag");
            Objects.requireNonNull(source, "source");
        }

        @Override
        public String toString() {
            return "Accepted[" + response.length + " bytes to " + source + ", remoteUfrag=" + remoteUfrag
                    + ", priority=" + priority + ", useCandidate=" + useCandidate + "]";
        }
    }

    /**
     * A Binding request refused with an error response: 400 when it lacks or garbles an attribute
     * a check needs, 401 when its USERNAME or MESSAGE-INTEGRITY does not match our credentials,
     * 420 when it carries comprehension-required attributes we do not know.
     *
     * @param response the error response to send to the request's source
     * @param error the ERROR-CODE of {@code response}
     */
    record Rejected(byte[] response, StunErrorCode error) implements BindingOutcome {

        public Rejected {
            Objects.requireNonNull(response, "response");
            Objects.requireNonNull(error, "error");
        }

        @Override
        public String toString() {
            return "Rejected[" + error.code() + " " + error.reasonPhrase() + ", " + response.length + " bytes]";
        }
    }

    /**
     * A datagram not answered at all.
     *
     * @param reason which kind of datagram it was, for counters
     * @param detail what exactly was wrong, for a debug log
     */
    record Dropped(Reason reason, String detail) implements BindingOutcome {

        public Dropped {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }

        public enum Reason {
            /** Not a well-framed STUN message. */
            MALFORMED,
            /** A STUN message, but not a Binding request: indications (keepalives) and stray responses. */
            NOT_A_BINDING_REQUEST,
            /** FINGERPRINT present but wrong: not STUN after all (RFC 8489 §8). */
            FINGERPRINT_MISMATCH
        }
    }
}
