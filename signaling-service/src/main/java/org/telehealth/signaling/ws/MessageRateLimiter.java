package org.telehealth.signaling.ws;

/**
 * A token bucket per connection: {@code rate} messages per second on average, {@code burst} at
 * once. Messages over the limit are refused with an error; a client that keeps sending through a
 * whole burst's worth of refusals is abusive and gets disconnected. Not thread-safe: one connection
 * processes its messages one at a time.
 */
final class MessageRateLimiter {

    enum Verdict { ALLOWED, LIMITED, ABUSIVE }

    private final double perNano;
    private final int burst;
    private double tokens;
    private long last;
    private int refusedInARow;

    MessageRateLimiter(int ratePerSecond, int burst, long nowNanos) {
        if (ratePerSecond < 1 || burst < 1) {
            throw new IllegalArgumentException("rate and burst must be positive: " + ratePerSecond + ", " + burst);
        }
        this.perNano = ratePerSecond / 1e9;
        this.burst = burst;
        this.tokens = burst;
        this.last = nowNanos;
    }

    Verdict acquire(long nowNanos) {
        tokens = Math.min(burst, tokens + (nowNanos - last) * perNano);
        last = nowNanos;
        if (tokens >= 1) {
            tokens -= 1;
            refusedInARow = 0;
            return Verdict.ALLOWED;
        }
        refusedInARow++;
        return refusedInARow > burst ? Verdict.ABUSIVE : Verdict.LIMITED;
    }
}
