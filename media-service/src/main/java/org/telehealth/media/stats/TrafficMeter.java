package org.telehealth.media.stats;

/**
 * Packets and bytes of one stream since it started, and its bitrate over the last few seconds, for
 * the stats API and the choice of simulcast layers. Bytes are summed into {@link #BUCKETS} slots of
 * {@link #BUCKET_NANOS} each, so the rate covers the last 4.5 to 5 s (since the first packet, if
 * that is more recent); a meter can be given a shorter window. Allocates nothing per packet.
 *
 * <p>Thread-safe: the media thread adds, the stats API reads.
 */
public final class TrafficMeter {

    static final int BUCKETS = 10;
    static final long BUCKET_NANOS = 500_000_000L;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final long[] bucketBytes;
    private final long bucketNanos;
    private boolean started;
    private long currentBucket;
    private long firstNanos;
    private long packets;
    private long bytes;

    /** A meter over the last 5 s. */
    public TrafficMeter() {
        this(BUCKETS, BUCKET_NANOS);
    }

    /** A meter over the last {@code buckets} x {@code bucketNanos} (less up to one bucket). */
    public TrafficMeter(int buckets, long bucketNanos) {
        if (buckets < 2 || bucketNanos < 1) {
            throw new IllegalArgumentException("need at least 2 buckets of at least 1 ns, got " + buckets + " of "
                    + bucketNanos);
        }
        this.bucketBytes = new long[buckets];
        this.bucketNanos = bucketNanos;
    }

    /** Counts a packet of {@code length} bytes. Runs per packet. */
    public synchronized void add(int length, long nowNanos) {
        advanceTo(nowNanos);
        bucketBytes[slot(currentBucket)] += length;
        packets++;
        bytes += length;
    }

    public synchronized long packets() {
        return packets;
    }

    public synchronized long bytes() {
        return bytes;
    }

    /** The bitrate over the last few seconds, up to {@code nowNanos}; 0 before any time has passed. */
    public synchronized long bitsPerSecond(long nowNanos) {
        if (!started) {
            return 0;
        }
        advanceTo(nowNanos);
        long windowStart = Math.max(firstNanos, (currentBucket - bucketBytes.length + 1) * bucketNanos);
        long duration = nowNanos - windowStart;
        if (duration <= 0) {
            return 0;
        }
        long sum = 0;
        for (long slotBytes : bucketBytes) {
            sum += slotBytes;
        }
        return sum * 8 * NANOS_PER_SECOND / duration;
    }

    /** Moves on to the bucket of {@code nowNanos}, emptying the ones it reuses. */
    private void advanceTo(long nowNanos) {
        long bucket = Math.floorDiv(nowNanos, bucketNanos);
        if (!started) {
            started = true;
            firstNanos = nowNanos;
            currentBucket = bucket;
            return;
        }
        if (bucket <= currentBucket) {
            return;
        }
        for (long reused = Math.max(currentBucket + 1, bucket - bucketBytes.length + 1); reused <= bucket; reused++) {
            bucketBytes[slot(reused)] = 0;
        }
        currentBucket = bucket;
    }

    private int slot(long bucket) {
        return (int) Math.floorMod(bucket, (long) bucketBytes.length);
    }
}
