package org.telehealth.signaling.ws;

/**
 * A token bucket per connection: {@code rate} messages per second on average, {@code burst} at
 * once. Messages over the limit are refused with an error. A client whose refused messages outnumber
 * its allowed ones by more than a burst is abusive and gets disconnected: each refusal adds one to
 * its debt, each allowed message takes one off. Counting refusals in a row instead would let a
 * flood at any rate go on forever, refused message after refused message, as long as a token
 * refilled between every burst's worth of them (and whether it did depended on how fast this
 * instance read them). Not thread-safe: one connection processes its messages one at a time.
 */
final class MessageRateLimiter {

    enum Verdict { ALLOWED, LIMITED, ABUSIVE }

    private final double perNano;
    private final int burst;
    private double tokens;
    private long last;
    private int refusalDebt;

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
            refusalDebt = Math.max(0, refusalDebt - 1);
            return Verdict.ALLOWED;
        }
        refusalDebt++;
        return refusalDebt > burst ? Verdict.ABUSIVE : Verdict.LIMITED;
    }
}
