package org.telehealth.signaling.media.placement;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.telehealth.events.media.MediaInstanceLoad;

class MediaInstancesTest {

    private final Instant now = Instant.parse("2026-11-21T14:00:00Z");
    private final MediaInstances instances = new MediaInstances(Duration.ofSeconds(30));

    @Test
    void shouldChooseTheInstanceWithTheFewestParticipantsThenTheLowestCpu() {
        report("a", 4, 0.10);
        report("b", 2, 0.90);
        report("c", 2, 0.30);
        report("d", 2, -1);

        assertThat(instances.leastLoaded(now)).contains(new MediaInstance("c", URI.create("http://c:8083")));
    }

    @Test
    void shouldBreakATieByInstanceIdSoEverySignalingInstanceChoosesAlike() {
        report("m2", 1, 0.2);
        report("m1", 1, 0.2);

        assertThat(instances.leastLoaded(now)).map(MediaInstance::id).contains("m1");
    }

    @Test
    void shouldPlaceNoNewRoomOnADrainingInstanceUntilItsDrainIsCalledOff() {
        instances.report(new MediaInstanceLoad("idle-but-draining", "http://idle-but-draining:8083", 0, 0, 0, 0.0, true),
                now.minusSeconds(1), now);
        report("busy", 6, 0.8);

        assertThat(instances.leastLoaded(now)).map(MediaInstance::id).contains("busy");

        instances.report(load("idle-but-draining", 0, 0.0), now, now);
        assertThat(instances.leastLoaded(now)).map(MediaInstance::id).contains("idle-but-draining");
    }

    @Test
    void shouldCountUnknownCpuAsBusiest() {
        report("unknown", 0, -1);
        report("known", 0, 0.99);

        assertThat(instances.leastLoaded(now)).map(MediaInstance::id).contains("known");
    }

    @Test
    void shouldForgetAnInstanceWhoseLastReportExpired() {
        instances.report(load("old", 0, 0.0), now.minusSeconds(31), now);
        instances.report(load("fresh", 5, 0.9), now.minusSeconds(29), now);

        assertThat(instances.leastLoaded(now)).map(MediaInstance::id).contains("fresh");
        assertThat(instances.leastLoaded(now.plusSeconds(2))).isEmpty();
    }

    @Test
    void shouldKeepTheNewestReportOfAnInstance() {
        instances.report(load("a", 1, 0.1), now.minusSeconds(5), now);
        instances.report(load("a", 7, 0.1), now.minusSeconds(10), now); // arrived late

        assertThat(instances.latestOf("a", now)).map(MediaInstanceLoad::participants).contains(1);
    }

    @Test
    void shouldNotTrustAReportFromTheFutureLongerThanFromNow() {
        instances.report(load("ahead", 0, 0.0), now.plusSeconds(3600), now);

        assertThat(instances.leastLoaded(now.plusSeconds(31))).isEmpty();
    }

    @Test
    void shouldIgnoreAReportWhoseControlUrlIsNoHttpUrl() {
        instances.report(new MediaInstanceLoad("x", "file:///etc/passwd", 0, 0, 0, 0.0), now, now);
        instances.report(new MediaInstanceLoad("y", "not a url", 0, 0, 0, 0.0), now, now);

        assertThat(instances.leastLoaded(now)).isEmpty();
    }

    private void report(String id, int participants, double cpu) {
        instances.report(load(id, participants, cpu), now, now);
    }

    private static MediaInstanceLoad load(String id, int participants, double cpu) {
        return new MediaInstanceLoad(id, "http://" + id + ":8083", 1, participants, 100, cpu);
    }
}
