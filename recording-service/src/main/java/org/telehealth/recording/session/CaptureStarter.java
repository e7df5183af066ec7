package org.telehealth.recording.session;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;

/**
 * Starts capturing a visit's media into a recording: the seam between recording-service's consent,
 * encryption and storage (this package and its neighbours) and the capture side (RTP forked by
 * media-service, jitter buffers, depacketizers and the WebM muxer, in
 * {@code org.telehealth.recording.capture} and {@code org.telehealth.recording.webm}), wired by
 * {@code org.telehealth.recording.fork.ForkCaptureStarter}.
 *
 * <p>recording-service calls {@link #start} only with every participant's consent given (it holds a
 * {@link org.telehealth.recording.consent.CapturePermit} at that point), on a worker thread: it may
 * block, e.g. while media-service sets up the fork. What the capture side must do with the sink:
 * <ul>
 *   <li>write the WebM's header region as the head ({@link RecordingSink#writeHead}), again
 *       whenever it changes, and the rest as it is muxed through the stream, in order, from any one
 *       thread at a time;
 *   <li>call {@link RecordingSink#flush()} at least once a second (at each cluster is ideal): a flush
 *       seals what was written into an encrypted chunk and forces it to disk, so a crash of the
 *       service loses at most what was written since the last flush, and the recording stays playable
 *       up to there, with every track the head declared;
 *   <li>call {@link RecordingSink#captureFailed(String)} if it cannot go on (no media for too long,
 *       the fork lost); recording-service then stops the session and keeps what was flushed;
 *   <li>never write media anywhere else (no temporary files: plaintext must not reach a disk);
 *   <li>leave closing to recording-service (closing the sink does nothing): it closes the file,
 *       sealing the final chunk, after {@link CaptureSession#stop()} returns.
 * </ul>
 */
public interface CaptureStarter {

    /**
     * Starts capturing visit {@code visitId}'s media into {@code sink} for recording
     * {@code recordingId}, and returns once capture runs.
     *
     * @param mediaControlUrl the control API of the media-service instance hosting the visit's media
     *     room, as signaling named it in the request; empty when it did not (the configured default)
     * @throws CaptureException when capture cannot start; the recording then fails and its file is discarded
     */
    CaptureSession start(UUID recordingId, UUID visitId, Optional<URI> mediaControlUrl, RecordingSink sink)
            throws CaptureException;
}
