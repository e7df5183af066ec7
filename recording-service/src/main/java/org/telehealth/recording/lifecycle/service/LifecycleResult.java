package org.telehealth.recording.lifecycle.service;

import java.util.List;
import java.util.UUID;
import org.telehealth.recording.consent.CapturePermit;

/**
 * What one event did to the recordings, and what the capture side must do now that it is
 * committed: start one (with the consent gate's permit, and where the visit's media room is) or
 * stop some.
 *
 * @param outcome a short word for logs and metrics ({@code requested}, {@code duplicate}, ...)
 * @param mediaControlUrl with {@code start}: the media-service control API the request named, or null
 */
public record LifecycleResult(String outcome, CapturePermit start, String mediaControlUrl, List<UUID> stop) {

    static LifecycleResult of(String outcome) {
        return new LifecycleResult(outcome, null, null, List.of());
    }

    static LifecycleResult starting(CapturePermit permit, String mediaControlUrl) {
        return new LifecycleResult("all-consented", permit, mediaControlUrl, List.of());
    }

    static LifecycleResult stopping(String outcome, List<UUID> recordings) {
        return new LifecycleResult(outcome, null, null, List.copyOf(recordings));
    }
}
