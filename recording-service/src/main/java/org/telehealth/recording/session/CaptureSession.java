package org.telehealth.recording.session;

/** A capture in progress, as {@link CaptureStarter#start} returned it. */
public interface CaptureSession {

    /**
     * Stops capturing: stop taking media (and ask media-service to stop the fork), write the
     * muxer's last bytes into the sink, and return once nothing more will be written to it. Must
     * not close the sink. Called once per session, on a worker thread; it may block for a few
     * seconds at most.
     */
    void stop();
}
