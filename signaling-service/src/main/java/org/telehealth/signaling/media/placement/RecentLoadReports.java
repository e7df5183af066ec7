package org.telehealth.signaling.media.placement;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.telehealth.signaling.config.SignalingConfig;

/**
 * Starts reading {@code telehealth.media} at the records of the last report-expiry period rather
 * than its beginning (all history) or its end (nothing known until every instance reports again):
 * a signaling instance that starts knows the live media instances at once.
 */
@ApplicationScoped
@Identifier(RecentLoadReports.NAME)
public class RecentLoadReports implements KafkaConsumerRebalanceListener {

    static final String NAME = "media-recent-load-reports";

    private final long windowMillis;

    public RecentLoadReports(SignalingConfig config) {
        this.windowMillis = config.media().reportExpiry().toMillis();
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        long since = Instant.now().toEpochMilli() - windowMillis;
        Map<TopicPartition, Long> times = new HashMap<>();
        partitions.forEach(partition -> times.put(partition, since));
        Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(times);
        for (TopicPartition partition : partitions) {
            OffsetAndTimestamp offset = offsets.get(partition);
            if (offset != null) {
                consumer.seek(partition, offset.offset());
            } else {
                consumer.seekToEnd(List.of(partition));
            }
        }
    }
}
