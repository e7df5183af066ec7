package org.telehealth.scheduling.outbox;

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
 * Runs service-support's {@link OutboxRelay} for the appointment events: every
 * {@code scheduling.outbox.poll-interval} on a scheduler worker thread, one run at a time per
 * instance, one instance at a time through the advisory lock. Metrics {@code scheduling.outbox.*}.
 */
@ApplicationScoped
public class OutboxRelayJob {

    /** Key of the advisory lock that makes the relay single across instances ("outbox" in ASCII). */
    private static final long RELAY_LOCK = 0x6f7574626f78L;

    private final OutboxRelay relay;

    public OutboxRelayJob(Settings settings, AgroalDataSource dataSource, Config config, MeterRegistry metrics) {
        this.relay = new OutboxRelay("scheduling", RELAY_LOCK, settings, dataSource, config, metrics);
    }

    @Scheduled(every = "${scheduling.outbox.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "outbox-relay")
    void relay() {
        relay.relay();
    }

    @PreDestroy
    void close() {
        relay.close();
    }

    /** The relay's settings, {@code scheduling.outbox.*}. */
    @ConfigMapping(prefix = "scheduling.outbox")
    interface Settings extends OutboxRelaySettings {
    }
}
