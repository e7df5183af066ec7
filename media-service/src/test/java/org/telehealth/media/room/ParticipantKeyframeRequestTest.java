package org.telehealth.media.room;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ParticipantKeyframeRequestTest {

    private static final long INTERVAL = 300_000_000L;

    private final Participant publisher = new Participant("doctor", null, null);

    @Test
    void shouldLetOneKeyframeRequestPerTrackThroughPerInterval() {
        assertThat(publisher.claimKeyframeRequest(1111, 0, INTERVAL)).isTrue();
        assertThat(publisher.claimKeyframeRequest(1111, INTERVAL - 1, INTERVAL)).isFalse();
        assertThat(publisher.claimKeyframeRequest(1111, INTERVAL, INTERVAL)).isTrue();
    }

    @Test
    void shouldLimitEachTrackOnItsOwn() {
        assertThat(publisher.claimKeyframeRequest(1111, 0, INTERVAL)).isTrue();
        assertThat(publisher.claimKeyframeRequest(2222, 1, INTERVAL)).isTrue();
    }
}
