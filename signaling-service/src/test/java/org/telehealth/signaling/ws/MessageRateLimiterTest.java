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

    @Test
    void shouldCutOffAFloodEvenWhenATokenRefillsBetweenItsRefusals() {
        MessageRateLimiter limiter = new MessageRateLimiter(20, 40, 0);
        for (int i = 0; i < 40; i++) {
            limiter.acquire(0);
        }
        // 100 messages a second: one in five finds a token, the four others are refused
        Verdict last = Verdict.ALLOWED;
        int sent = 0;
        while (last != Verdict.ABUSIVE && sent < 1000) {
            sent++;
            last = limiter.acquire(sent * SECOND / 100);
        }

        assertThat(last).isEqualTo(Verdict.ABUSIVE);
        assertThat(sent).as("about a burst's worth of net refusals: 40 / (4/5 - 1/5)").isBetween(60, 80);
    }

    @Test
    void shouldForgiveAShortOverrunOnceTheClientKeepsToTheRateAgain() {
        MessageRateLimiter limiter = new MessageRateLimiter(20, 40, 0);
        for (int i = 0; i < 70; i++) {
            limiter.acquire(0); // 40 allowed, 30 refused
        }
        for (int i = 1; i <= 100; i++) {
            assertThat(limiter.acquire(i * SECOND / 20)).isEqualTo(Verdict.ALLOWED);
        }
        for (int i = 0; i < 40; i++) {
            assertThat(limiter.acquire(100 * SECOND / 20)).as("the debt was paid off").isNotEqualTo(Verdict.ABUSIVE);
        }
    }
}
