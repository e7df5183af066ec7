package org.telehealth.signaling.media.placement;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.telehealth.events.EventCodec;
import org.telehealth.events.EventEnvelope;
import org.telehealth.events.MalformedEventException;
import org.telehealth.events.media.MediaEvents;
import org.telehealth.events.media.MediaInstanceLoad;

/**
 * Feeds {@link MediaInstances} from media-service's load reports on {@code telehealth.media}. The
 * topic's participant events are not needed here (signaling learns a participant's media state from
 * the stats it polls). Records are decoded here so that a malformed one is counted and skipped.
 */
@ApplicationScoped
public class MediaLoadListener {

    private static final Logger LOG = Logger.getLogger(MediaLoadListener.class);

    private final EventCodec codec = new EventCodec(MediaEvents.CATALOG);
    private final MediaInstances instances;
    private final Counter skipped;

    public MediaLoadListener(MediaInstances instances, MeterRegistry meters) {
        this.instances = instances;
        this.skipped = meters.counter("signaling.media.events.skipped");
    }

    @Incoming("media")
    public void onRecord(ConsumerRecord<String, byte[]> record) {
        EventEnvelope<?> event;
        try {
            event = codec.decode(record.value());
        } catch (MalformedEventException e) {
            skipped.increment();
            LOG.warnf("Skipped an unreadable media event at partition %d offset %d", record.partition(), record.offset());
            return;
        }
        if (event.data() instanceof MediaInstanceLoad load) {
            instances.report(load, event.occurredAt(), Instant.now());
        }
    }
}
