package org.telehealth.media.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.telehealth.events.EventCodec;
import org.telehealth.events.EventEnvelope;
import org.telehealth.events.Topics;
import org.telehealth.events.media.MediaEvents;
import org.telehealth.events.media.MediaInstanceLoad;
import org.telehealth.events.media.MediaParticipantDisconnected;
import org.telehealth.infra.testing.KafkaTestResource;
import org.telehealth.infra.testing.TestTokens;
import org.telehealth.infra.testing.TokenIssuerTestResource;

/** The media-service's events reach a real Kafka broker in the shared contract format. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(TokenIssuerTestResource.class)
class MediaEventsTest {

    private final EventCodec codec = new EventCodec(MediaEvents.CATALOG);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void shouldAnnounceAParticipantRemovedBySignalingKeyedByRoom() {
        String room = "events-" + UUID.randomUUID().toString().substring(0, 8);
        String token = TestTokens.forUser("signaling-service", "service");
        given().auth().oauth2(token).put("/api/rooms/" + room).then().statusCode(204);
        given().auth().oauth2(token).put("/api/rooms/" + room + "/participants/nurse").then().statusCode(204);
        given().auth().oauth2(token).delete("/api/rooms/" + room + "/participants/nurse").then().statusCode(204);

        ConsumerRecord<String, byte[]> record = awaitRecord(r -> room.equals(r.key()));
        EventEnvelope<?> event = codec.decode(record.value());

        assertThat(event.type()).isEqualTo("media.participant-disconnected");
        assertThat(event.data()).isEqualTo(new MediaParticipantDisconnected(room, "nurse", "media-local",
                MediaParticipantDisconnected.Reason.REMOVED));
    }

    @Test
    void shouldReportItsLoadPeriodically() {
        ConsumerRecord<String, byte[]> record = awaitRecord(r -> "media-local".equals(r.key()));
        EventEnvelope<?> event = codec.decode(record.value());

        assertThat(event.data()).isInstanceOfSatisfying(MediaInstanceLoad.class, load -> {
            assertThat(load.instanceId()).isEqualTo("media-local");
            assertThat(load.controlUrl()).startsWith("http");
            assertThat(load.rooms()).isNotNegative();
            assertThat(load.packetsPerSecond()).isNotNegative();
        });
    }

    private ConsumerRecord<String, byte[]> awaitRecord(Predicate<ConsumerRecord<String, byte[]>> wanted) {
        try (var consumer = new KafkaConsumer<String, byte[]>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.MEDIA));
            List<String> seen = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    seen.add(record.key());
                    if (wanted.test(record)) {
                        return record;
                    }
                }
            }
            throw new AssertionError("no matching event on " + Topics.MEDIA + "; keys seen: " + seen);
        }
    }
}
