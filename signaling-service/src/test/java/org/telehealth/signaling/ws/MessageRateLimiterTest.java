package org.telehealth.signaling.ws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.telehealth.signaling.ws.MessageRateLimiter.Verdict;

class MessageRateLimiterTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void shouldAllowABurstThenLimitThenCutOff() {
        MessageRateLimiter limiter = new MessageRateLimiter(20, 40, 0);

        for (int i = 0; i < 40; i++) {
            assertThat(limiter.acquire(0)).isEqualTo(Verdict.ALLOWED);
        }
        for (int i = 0; i < 40; i++) {
            assertThat(limiter.acquire(0)).isEqualTo(Verdict.LIMITED);
        }
        assertThat(limiter.acquire(0)).isEqualTo(Verdict.ABUSIVE);
    }

    @Test
    void shouldRefillAtTheAverageRate() {
        MessageRateLimiter limiter = new MessageRateLimiter(20, 40, 0);
        for (int i = 0; i < 40; i++) {
            limiter.acquire(0);
        }
        assertThat(limiter.acquire(0)).isEqualTo(Verdict.LIMITED);

        assertThat(limiter.acquire(SECOND / 20)).isEqualTo(Verdict.ALLOWED);
        assertThat(limiter.acquire(SECOND / 20)).isEqualTo(Verdict.LIMITED);
    }

    @Test
    void shouldNeverLimitAClientThatKeepsToTheRate() {
        MessageRateLimiter limiter = new MessageRateLimiter(20, 40, 0);

        for (int i = 1; i <= 1000; i++) {
            assertThat(limiter.acquire(i * SECOND / 20)).isEqualTo(Verdict.ALLOWED);
        }
    }
}
