package org.telehealth.recording.consent;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The one place that decides whether a recording may be captured: only when every participant the
 * request named has accepted, and nobody has declined, ever (a decline is final; a new request
 * asks again). Decisions of anyone the request did not name count for nothing, and a request that
 * named nobody is never permitted. Capture can only be started with the {@link CapturePermit} this
 * gate hands out, so no other code path can start it.
 */
public final class ConsentGate {

    private ConsentGate() {
    }

    /** Where the consents of a recording stand. */
    public static Verdict verdict(Collection<String> expected, List<Decision> decisions) {
        Set<String> named = Set.copyOf(expected);
        Set<String> accepted = new HashSet<>();
        for (Decision decision : decisions) {
            if (!named.contains(decision.participantId())) {
                continue;
            }
            if (!decision.accepted()) {
                return Verdict.DECLINED;
            }
            accepted.add(decision.participantId());
        }
        return !named.isEmpty() && accepted.containsAll(named) ? Verdict.ALL_ACCEPTED : Verdict.PENDING;
    }

    /** A permit to capture recording {@code recordingId}, only when {@link #verdict} is {@link Verdict#ALL_ACCEPTED}. */
    public static Optional<CapturePermit> permit(UUID recordingId, UUID visitId, Collection<String> expected,
            List<Decision> decisions) {
        return verdict(expected, decisions) == Verdict.ALL_ACCEPTED
                ? Optional.of(new CapturePermit(recordingId, visitId, Set.copyOf(expected)))
                : Optional.empty();
    }

    public enum Verdict {
        /** Someone named has not answered yet; nobody declined. */
        PENDING,
        /** Everyone named accepted and nobody declined. */
        ALL_ACCEPTED,
        /** Someone named declined. */
        DECLINED
    }

    /** One participant's answer, in the order received. */
    public record Decision(String participantId, boolean accepted) {

        public Decision {
            Objects.requireNonNull(participantId, "participantId");
        }
    }
}
