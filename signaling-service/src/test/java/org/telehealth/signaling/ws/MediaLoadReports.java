package org.telehealth.signaling.ws;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.telehealth.events.EventCodec;
import org.telehealth.events.EventEnvelope;
import org.telehealth.events.Topics;
import org.telehealth.events.media.MediaEvents;
import org.telehealth.events.media.MediaInstanceLoad;
import org.telehealth.signaling.media.placement.MediaInstances;

/**
 * Plays other media-service instances: publishes their load reports on {@code telehealth.media} as
 * media-service does, and waits until signaling has read them.
 */
final class MediaLoadReports {

    private final EventCodec codec = new EventCodec(MediaEvents.CATALOG);
    private final String bootstrap;
    private final MediaInstances instances;

    MediaLoadReports(String bootstrap, MediaInstances instances) {
        this.bootstrap = bootstrap;
        this.instances = instances;
    }

    void report(String instanceId, String controlUrl, int participants, double cpuLoad) {
        MediaInstanceLoad load = new MediaInstanceLoad(instanceId, controlUrl, participants == 0 ? 0 : 1, participants, 0,
                cpuLoad);
        try (var producer = new KafkaProducer<String, byte[]>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.MEDIA, instanceId, codec.encode(EventEnvelope.of(load, Instant.now()))))
                    .get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish to " + Topics.MEDIA, e);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (instances.latestOf(instanceId, Instant.now()).filter(load::equals).isPresent()) {
                return;
            }
            sleep();
        }
        throw new AssertionError("signaling did not read the load report of " + instanceId);
    }

    /** The instance reports itself full, so that no new visit is placed on it (its reports expire soon anyway). */
    void retire(String instanceId, String controlUrl) {
        report(instanceId, controlUrl, Integer.MAX_VALUE, 1.0);
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
