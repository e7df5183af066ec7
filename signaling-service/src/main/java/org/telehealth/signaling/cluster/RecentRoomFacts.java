package org.telehealth.signaling.cluster;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.telehealth.signaling.config.SignalingConfig;

/**
 * Starts reading {@code telehealth.signaling-rooms} at the facts of the last
 * {@code signaling.rooms.member-expiry}: every instance announces each of its participants again
 * within that time, so an instance that starts (or joins a rolling update) knows who is in every
 * visit on the others before its first socket asks, and a participant whose socket drops on one
 * instance can resume on it. Only a partition's first assignment goes back in time: after a later
 * rebalance the instance goes on from its committed position, so that it never applies a fact twice
 * (an old claim read again would take a participant away from their current socket). The instance is
 * ready once it has applied what it found ({@link RoomFactsCaughtUp}).
 */
@ApplicationScoped
@Identifier(RecentRoomFacts.NAME)
public class RecentRoomFacts implements KafkaConsumerRebalanceListener {

    static final String NAME = "signaling-recent-room-facts";

    private final long windowMillis;
    private final RoomFactsCaughtUp caughtUp;
    private final Set<TopicPartition> started = ConcurrentHashMap.newKeySet();

    public RecentRoomFacts(SignalingConfig config, RoomFactsCaughtUp caughtUp) {
        this.windowMillis = config.rooms().memberExpiry().toMillis();
        this.caughtUp = caughtUp;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        long since = Instant.now().toEpochMilli() - windowMillis;
        Map<TopicPartition, Long> times = new HashMap<>();
        partitions.stream().filter(started::add).forEach(partition -> times.put(partition, since));
        if (times.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(times);
        Map<TopicPartition, Long> ends = consumer.endOffsets(times.keySet());
        Map<Integer, Long> lastOffsets = new HashMap<>();
        Map<Integer, Long> startPositions = new HashMap<>();
        for (TopicPartition partition : times.keySet()) {
            OffsetAndTimestamp offset = offsets.get(partition);
            long end = ends.getOrDefault(partition, 0L);
            long start = offset != null ? offset.offset() : end;
            consumer.seek(partition, start);
            lastOffsets.put(partition.partition(), end - 1);
            startPositions.put(partition.partition(), start);
        }
        caughtUp.started(lastOffsets, startPositions);
    }
}
