package org.telehealth.recording.library.service;

import java.util.UUID;

/** What serving a recording's video needs, once the caller was allowed: where it is, its index, and the range asked. */
public record Playback(UUID recordingId, String storageKey, byte[] chunkIndex, RangeRequest range) {
}
