package org.telehealth.recording.outbox;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.config.ConfigMapping;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;
import org.telehealth.support.outbox.OutboxRelay;
import org.telehealth.support.outbox.OutboxRelaySettings;

/**
 * Runs service-support's {@link OutboxRelay} for the recording outcomes, so that an outcome the
 * service committed reaches signaling even when Kafka was down at the time: every
 * {@code recording.outbox.poll-interval}, one run at a time per instance, one instance at a time
 * through the advisory lock. Metrics {@code recording.outbox.*}.
 */
@ApplicationScoped
public class OutboxRelayJob {

    /** Advisory lock key of the relay ("rec-obx" in ASCII); the recording database is this service's own. */
    private static final long RELAY_LOCK = 0x7265632d6f6278L;

    private final OutboxRelay relay;

    public OutboxRelayJob(Settings settings, AgroalDataSource dataSource, Config config, MeterRegistry metrics) {
        this.relay = new OutboxRelay("recording", RELAY_LOCK, settings, dataSource, config, metrics);
    }

    @Scheduled(every = "${recording.outbox.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "recording-outbox-relay")
    void relay() {
        relay.relay();
    }

    @PreDestroy
    void close() {
        relay.close();
    }

    /** The relay's settings, {@code recording.outbox.*}. */
    @ConfigMapping(prefix = "recording.outbox")
    interface Settings extends OutboxRelaySettings {
    }
}
