package org.telehealth.events.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.telehealth.events.EventCodec;
import org.telehealth.events.EventEnvelope;
import org.telehealth.events.MalformedEventException;

/** The load report's wire form, including reports written before {@code draining} existed. */
class MediaInstanceLoadTest {

    private static final Instant AT = Instant.parse("2026-11-24T08:00:00Z");

    private final EventCodec codec = new EventCodec(MediaEvents.CATALOG);

    @Test
    void shouldRoundTripADrainingInstancesReport() {
        var event = EventEnvelope.of(new MediaInstanceLoad("media-0", "http://10.0.0.5:8083", 3, 7, 1200, 0.25, true), AT);

        byte[] bytes = codec.encode(event);

        assertThat(codec.decode(bytes)).isEqualTo(event);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("\"draining\":true")
                .contains("\"type\":\"media.instance-load\",\"version\":1");
    }

    @Test
    void shouldReadAReportWithoutDrainingAsAnInstanceThatTakesRooms() {
        String older = envelope("{\"instanceId\":\"media-0\",\"controlUrl\":\"http://10.0.0.5:8083\",\"rooms\":2,"
                + "\"participants\":4,\"packetsPerSecond\":900,\"cpuLoad\":0.1}");

        assertThat(codec.decode(older.getBytes(StandardCharsets.UTF_8)).data())
                .isEqualTo(new MediaInstanceLoad("media-0", "http://10.0.0.5:8083", 2, 4, 900, 0.1, false));
    }

    @Test
    void shouldReadANullDrainingAsFalse() {
        String nullDraining = envelope("{\"instanceId\":\"media-0\",\"controlUrl\":\"http://10.0.0.5:8083\",\"rooms\":2,"
                + "\"participants\":4,\"packetsPerSecond\":900,\"cpuLoad\":0.1,\"draining\":null}");

        assertThat(codec.decode(nullDraining.getBytes(StandardCharsets.UTF_8)).data())
                .isInstanceOfSatisfying(MediaInstanceLoad.class, load -> assertThat(load.draining()).isFalse());
    }

    @Test
    void shouldStillRejectAReportMissingARequiredField() {
        String noRooms = envelope("{\"instanceId\":\"media-0\",\"controlUrl\":\"http://10.0.0.5:8083\","
                + "\"participants\":4,\"packetsPerSecond\":900,\"cpuLoad\":0.1,\"draining\":false}");

        assertThatThrownBy(() -> codec.decode(noRooms.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("rooms");
    }

    private static String envelope(String data) {
        return "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"media.instance-load\",\"version\":1,\"occurredAt\":\"" + AT
                + "\",\"data\":" + data + "}";
    }
}
