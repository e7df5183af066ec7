package org.telehealth.recording.capture;

import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Merges the frames of all tracks into one time order for the muxer. Tracks finish frames at
 * different moments (a video frame once its last packet is in, a packet held in a jitter buffer
 * for a loss), so a frame waits here until it is {@code delayNanos} older than the newest frame
 * of the recording, or until it has waited that long on the recorder's clock (media stopped):
 * anything of another track that is earlier will have come by then.
 *
 * <p>Each track's frames stay in their own order (a queue per track); which track goes next is
 * decided by placing each queue's first frame on the timeline as the track's clock knows it now,
 * not as it knew it when the frame came: a sender report that arrived meanwhile may have moved the
 * whole track.
 */
final class Interleaver {

    /** A frame of a track, its timestamp unwrapped, and when its last packet arrived. */
    record Timed(TrackRecorder track, EncodedFrame frame, long timestamp, long arrivalNanos) {

        long timeNanos() {
            return track.toRecorderNanos(timestamp);
        }
    }

    private final long delayNanos;
    private final Map<TrackRecorder, ArrayDeque<Timed>> queues = new LinkedHashMap<>();
    private int size;

    Interleaver(long delayNanos) {
        this.delayNanos = delayNanos;
    }

    void offer(TrackRecorder track, EncodedFrame frame, long timestamp, long arrivalNanos) {
        queues.computeIfAbsent(track, key -> new ArrayDeque<>()).add(new Timed(track, frame, timestamp, arrivalNanos));
        size++;
    }

    /** Releases, in time order, the frames that waited long enough by {@code nowNanos}. */
    void drain(long nowNanos, Consumer<Timed> out) {
        while (size > 0) {
            long newest = Long.MIN_VALUE;
            for (ArrayDeque<Timed> queue : queues.values()) {
                if (!queue.isEmpty()) {
                    newest = Math.max(newest, queue.peekLast().timeNanos());
                }
            }
            Timed first = earliest();
            if (first.timeNanos() > newest - delayNanos && first.arrivalNanos() > nowNanos - delayNanos) {
                return;
            }
            release(first, out);
        }
    }

    /** Releases every frame, in time order: the recording ends. */
    void flush(Consumer<Timed> out) {
        while (size > 0) {
            release(earliest(), out);
        }
    }

    int size() {
        return size;
    }

    private Timed earliest() {
        Timed earliest = null;
        long earliestTime = Long.MAX_VALUE;
        for (ArrayDeque<Timed> queue : queues.values()) {
            Timed head = queue.peekFirst();
            if (head != null && head.timeNanos() < earliestTime) {
                earliest = head;
                earliestTime = head.timeNanos();
            }
        }
        return earliest;
    }

    private void release(Timed frame, Consumer<Timed> out) {
        queues.get(frame.track()).pollFirst();
        size--;
        out.accept(frame);
    }
}
