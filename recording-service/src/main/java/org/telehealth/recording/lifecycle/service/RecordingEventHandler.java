package org.telehealth.recording.lifecycle.service;

import static org.telehealth.recording.persistence.BlockingTransactions.await;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.telehealth.events.recording.RecordingConsentRecorded;
import org.telehealth.events.recording.RecordingEvent;
import org.telehealth.events.recording.RecordingRequested;
import org.telehealth.events.recording.RecordingStopRequested;
import org.telehealth.events.visit.VisitEnded;
import org.telehealth.recording.session.CaptureSupervisor;

/**
 * Applies one event to the recordings ({@link RecordingLifecycle}, one transaction) and then does
 * what the committed change calls for on this instance: start the capture the consent gate just
 * permitted, or stop captures. Blocking: called from the Kafka listeners' worker threads.
 */
@ApplicationScoped
public class RecordingEventHandler {

    private final RecordingLifecycle lifecycle;
    private final CaptureSupervisor captures;

    public RecordingEventHandler(RecordingLifecycle lifecycle, CaptureSupervisor captures) {
        this.lifecycle = lifecycle;
        this.captures = captures;
    }

    /** Handles an event of topic {@code telehealth.recordings}; returns its outcome in a word. */
    public String handle(UUID eventId, RecordingEvent event) {
        LifecycleResult result;
        if (event instanceof RecordingRequested request) {
            result = await(() -> lifecycle.request(eventId, request));
        } else if (event instanceof RecordingConsentRecorded decision) {
            result = captures.holding(decision.recordingId(), () -> {
                LifecycleResult decided = await(() -> lifecycle.consent(eventId, decision));
                if (decided.start() != null) {
                    captures.start(decided.start(), decided.mediaControlUrl());
                }
                return decided;
            });
        } else if (event instanceof RecordingStopRequested stop) {
            result = await(() -> lifecycle.stop(eventId, stop));
        } else {
            // recording.started / completed / failed: this service's own outcomes, read back from the shared topic
            result = LifecycleResult.of("own-outcome");
        }
        result.stop().forEach(captures::stop);
        return result.outcome();
    }

    /** Handles {@code visit.ended}: running recordings of the visit stop, waiting ones are cancelled. */
    public String handle(UUID eventId, VisitEnded ended) {
        LifecycleResult result = await(() -> lifecycle.visitEnded(eventId, ended));
        result.stop().forEach(captures::stop);
        return result.outcome();
    }
}
