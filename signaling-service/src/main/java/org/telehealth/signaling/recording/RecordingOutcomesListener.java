package org.telehealth.signaling.recording;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.telehealth.events.EventCodec;
import org.telehealth.events.EventEnvelope;
import org.telehealth.events.MalformedEventException;
import org.telehealth.events.recording.RecordingCompleted;
import org.telehealth.events.recording.RecordingEvent;
import org.telehealth.events.recording.RecordingEvents;
import org.telehealth.events.recording.RecordingFailed;
import org.telehealth.events.recording.RecordingStarted;

/**
 * Feeds {@code telehealth.recordings} to {@link VisitRecordings}: recording-service's outcomes
 * ({@code recording.started}, {@code .completed}, {@code .failed}), which become the call's
 * {@code recording-state}, and signaling's own requests, answers and stops, through which the
 * instances holding one visit's participants follow one request. Every instance reads the whole
 * topic from its end when it starts: only requests made while it runs matter. A malformed record is
 * counted and skipped (logged by position, never its bytes).
 */
@ApplicationScoped
public class RecordingOutcomesListener {

    private static final Logger LOG = Logger.getLogger(RecordingOutcomesListener.class);

    private final EventCodec codec = new EventCodec(RecordingEvents.CATALOG);
    private final VisitRecordings recordings;
    private final Counter skipped;

    public RecordingOutcomesListener(VisitRecordings recordings, MeterRegistry meters) {
        this.recordings = recordings;
        this.skipped = meters.counter("signaling.recording.events.skipped");
    }

    @Incoming("recording-outcomes")
    public void onRecord(ConsumerRecord<String, byte[]> record) {
        EventEnvelope<?> event;
        try {
            event = codec.decode(record.value());
        } catch (MalformedEventException e) {
            skipped.increment();
            LOG.warnf("Skipped an unreadable recording event at partition %d offset %d", record.partition(), record.offset());
            return;
        }
        if (event.data() instanceof RecordingStarted || event.data() instanceof RecordingCompleted
                || event.data() instanceof RecordingFailed) {
            recordings.outcome((RecordingEvent) event.data());
        } else if (event.data() instanceof RecordingEvent signalingEvent) {
            recordings.replicate(signalingEvent);
        }
    }
}
