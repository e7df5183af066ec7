package org.telehealth.media.retransmission;

import java.util.Optional;

/**
 * Where the packets that answer a receiver's NACKs for one stream come from, as that receiver got
 * them: a {@link RetransmissionBuffer} of the stream itself, or a view that rebuilds the receiver's
 * copy from the publisher's packets (its own header extensions, a simulcast layer renumbered onto
 * the stream the receiver knows).
 */
public interface RetransmissionSource {

    /** The SSRC the receiver's NACKs name. */
    long ssrc();

    /** How many of the newest sequence numbers it can answer for, at most. */
    int capacity();

    /**
     * The packet numbered {@code sequenceNumber} as the receiver got it, in an array the caller owns
     * and may rewrite; empty if it is not (or no longer) available.
     */
    Optional<byte[]> find(int sequenceNumber);
}
