package org.telehealth.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventCodecTest {

    @EventType(name = "sample.happened", version = 1)
    record SampleHappened(UUID visitId, Instant at, String note) {
        SampleHappened {
            Objects.requireNonNull(visitId, "visitId");
        }
    }

    @EventType(name = "sample.happened", version = 2)
    record SampleHappenedV2(UUID visitId, int count) {
    }

    record NotAnEvent(String x) {
    }

    private final EventCodec codec = new EventCodec(EventCatalog.of(SampleHappened.class, SampleHappenedV2.class));

    @Test
    void shouldRoundTripAnEventWithItsTypeAndVersion() {
        var event = EventEnvelope.of(new SampleHappened(UUID.randomUUID(), Instant.parse("2026-11-21T10:15:30Z"), "n"),
                Instant.parse("2026-11-21T10:15:31Z"));

        EventEnvelope<?> decoded = codec.decode(codec.encode(event));

        assertThat(decoded).isEqualTo(event);
        assertThat(decoded.type()).isEqualTo("sample.happened");
        assertThat(decoded.version()).isEqualTo(1);
    }

    @Test
    void shouldPickTheRecordOfTheEncodedVersion() {
        var event = EventEnvelope.of(new SampleHappenedV2(UUID.randomUUID(), 3), Instant.now());

        assertThat(codec.decode(codec.encode(event)).data()).isInstanceOf(SampleHappenedV2.class);
    }

    @Test
    void shouldWriteIsoTimestampsNotNumbers() {
        var event = EventEnvelope.of(new SampleHappened(UUID.randomUUID(), Instant.parse("2026-11-21T10:15:30Z"), null),
                Instant.parse("2026-11-21T10:15:31Z"));

        String json = new String(codec.encode(event), StandardCharsets.UTF_8);

        assertThat(json).contains("\"occurredAt\":\"2026-11-21T10:15:31Z\"").contains("\"at\":\"2026-11-21T10:15:30Z\"");
    }

    @Test
    void shouldIgnoreFieldsAddedByANewerProducer() {
        String json = "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"sample.happened\",\"version\":2,"
                + "\"occurredAt\":\"2026-11-21T10:15:31Z\",\"data\":{\"visitId\":\"" + UUID.randomUUID()
                + "\",\"count\":1,\"extra\":true}}";

        assertThat(codec.decode(json.getBytes(StandardCharsets.UTF_8)).data()).isInstanceOf(SampleHappenedV2.class);
    }

    @Test
    void shouldRejectUnknownTypesVersionsAndMalformedEnvelopes() {
        String id = UUID.randomUUID().toString();
        String visit = UUID.randomUUID().toString();
        String[] bad = {
            "",
            "not json",
            "[1,2]",
            "{}",
            "{\"id\":\"" + id + "\",\"type\":\"other.thing\",\"version\":1,\"occurredAt\":\"2026-11-21T10:15:31Z\",\"data\":{}}",
            "{\"id\":\"" + id + "\",\"type\":\"sample.happened\",\"version\":9,\"occurredAt\":\"2026-11-21T10:15:31Z\",\"data\":{}}",
            "{\"id\":\"" + id + "\",\"type\":\"sample.happened\",\"version\":\"x\",\"occurredAt\":\"2026-11-21T10:15:31Z\",\"data\":{}}",
            "{\"id\":\"nope\",\"type\":\"sample.happened\",\"version\":1,\"occurredAt\":\"2026-11-21T10:15:31Z\",\"data\":{\"visitId\":\"" + visit + "\"}}",
            "{\"id\":\"" + id + "\",\"type\":\"sample.happened\",\"version\":1,\"occurredAt\":\"yesterday\",\"data\":{\"visitId\":\"" + visit + "\"}}",
            "{\"id\":\"" + id + "\",\"type\":\"sample.happened\",\"version\":1,\"occurredAt\":\"2026-11-21T10:15:31Z\"}",
            "{\"id\":\"" + id + "\",\"type\":\"sample.happened\",\"version\":1,\"occurredAt\":\"2026-11-21T10:15:31Z\",\"data\":{}}",
            "{\"id\":\"" + id + "\",\"type\":\"sample.happened\",\"version\":1,\"occurredAt\":\"2026-11-21T10:15:31Z\",\"data\":{\"visitId\":42}}",
        };
        for (String input : bad) {
            assertThatThrownBy(() -> codec.decode(input.getBytes(StandardCharsets.UTF_8)))
                    .as(input).isInstanceOf(MalformedEventException.class);
        }
    }

    @Test
    void shouldRefuseOversizedEvents() {
        byte[] huge = new byte[EventCodec.MAX_EVENT_BYTES + 1];

        assertThatThrownBy(() -> codec.decode(huge)).isInstanceOf(MalformedEventException.class).hasMessageContaining("limit");
        var event = EventEnvelope.of(new SampleHappened(UUID.randomUUID(), null, "x".repeat(EventCodec.MAX_EVENT_BYTES)), Instant.now());
        assertThatThrownBy(() -> codec.encode(event)).isInstanceOf(MalformedEventException.class);
    }

    @Test
    void shouldRefuseRecordsWithoutAnEventType() {
        assertThatThrownBy(() -> EventEnvelope.of(new NotAnEvent("x"), Instant.now())).isInstanceOf(IllegalArgumentException.class);
    }
}
