package org.telehealth.recording.session;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Stands in for the capture side until it is wired (see {@link CaptureStarter}): captures nothing,
 * says so in the log, and lets the rest of the flow (consent, encrypted file, storage, events, API)
 * run, producing complete but empty recordings. Replaced automatically by any other
 * {@link CaptureStarter} bean.
 */
@DefaultBean
@ApplicationScoped
public class UnwiredCaptureStarter implements CaptureStarter {

    private static final Logger LOG = Logger.getLogger(UnwiredCaptureStarter.class);

    @Override
    public CaptureSession start(UUID recordingId, UUID visitId, RecordingSink sink) {
        LOG.warnf("capture is not wired yet: recording %s of visit %s captures no media and will be empty", recordingId, visitId);
        return () -> LOG.debugf("recording %s stopped (nothing was captured)", recordingId);
    }
}
