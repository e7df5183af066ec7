package org.telehealth.media.drain;

import java.time.Instant;

/**
 * Whether the instance drains, since when and why, and what it still holds: the answer of
 * {@code /api/instance/drain}.
 *
 * @param since when the drain began; null while not draining
 * @param startedBy {@code control-api} or {@code pod-stop}; null while not draining
 * @param rooms rooms still open (the drain is over, and the instance may stop, at 0)
 */
public record DrainState(boolean draining, Instant since, String startedBy, int rooms, int participants) {
}
