package org.telehealth.recording.capture;

import java.util.function.Consumer;

/**
 * One track's way from RTP to frames on the recording's timeline: its {@link JitterBuffer}, the
 * {@link Depacketizer} of the codec its first packet used, and its {@link TrackTimeline}. Packets
 * of another payload type than the first one's are dropped (a WebM track has one codec), as are
 * those of codecs the recorder cannot write. Owned by the capture thread.
 */
final class TrackRecorder {

    /** A finished frame, its timestamp unwrapped, and when it arrived. */
    interface FrameSink {
        void accept(TrackRecorder track, EncodedFrame frame, long timestamp, long arrivalNanos);
    }

    private final TrackDescription description;
    private final JitterBuffer jitter;
    private final SenderClock clock;
    private int payloadType = -1;
    private Depacketizer depacketizer;
    private TrackTimeline timeline;
    private int muxerTrack;
    private long lastWrittenMillis = Long.MIN_VALUE;
    private long[] earlyReport;
    private long otherPayloadTypes;
    private long framesBeforeKeyframe;

    TrackRecorder(TrackDescription description, SenderClock clock, CaptureSettings settings) {
        this.description = description;
        this.clock = clock;
        this.jitter = new JitterBuffer(settings.jitterCapacity(), settings.jitterDelay().toNanos());
    }

    TrackDescription description() {
        return description;
    }

    JitterBuffer jitterBuffer() {
        return jitter;
    }

    /** The codec chosen by the first packet, or null before it (or if unsupported). */
    Depacketizer depacketizer() {
        return depacketizer;
    }

    void onRtp(RtpPacket packet, long arrivalNanos, FrameSink frames) {
        if (payloadType < 0) {
            TrackDescription.Codec codec = description.codec(packet.payloadType()).orElse(null);
            Depacketizer chosen = codec == null ? null : Depacketizer.forCodec(codec.name());
            if (chosen == null) {
                otherPayloadTypes++;
                return;
            }
            payloadType = packet.payloadType();
            depacketizer = chosen;
            timeline = new TrackTimeline(codec.clockRate(), clock);
            if (earlyReport != null) {
                timeline.onSenderReport(earlyReport[0], earlyReport[1], earlyReport[2]);
            }
        }
        if (packet.payloadType() != payloadType) {
            otherPayloadTypes++;
            return;
        }
        jitter.push(packet, arrivalNanos, (released, afterLoss, arrival) -> depacketize(released, afterLoss, arrival, frames));
    }

    void onSenderReport(long ntpTimestamp, long rtpTimestamp, long arrivalNanos) {
        if (timeline != null) {
            timeline.onSenderReport(ntpTimestamp, rtpTimestamp, arrivalNanos);
        } else {
            earlyReport = new long[] {ntpTimestamp, rtpTimestamp, arrivalNanos}; // before the first packet
        }
    }

    void poll(long nowNanos, FrameSink frames) {
        jitter.poll(nowNanos, (released, afterLoss, arrival) -> depacketize(released, afterLoss, arrival, frames));
    }

    void flush(FrameSink frames) {
        jitter.flush((released, afterLoss, arrival) -> depacketize(released, afterLoss, arrival, frames));
    }

    private void depacketize(RtpPacket packet, boolean afterLoss, long arrivalNanos, FrameSink frames) {
        Consumer<EncodedFrame> out = frame -> frames.accept(this, frame, timeline.observe(frame.rtpTimestamp(), arrivalNanos),
                arrivalNanos);
        depacketizer.push(packet, afterLoss, out);
    }

    /** When the frame of unwrapped timestamp {@code timestamp} was captured, on the recorder's clock, as known now. */
    long toRecorderNanos(long timestamp) {
        return timeline.toRecorderNanos(timestamp);
    }

    /** The muxer's number of this track, 0 until its first frame (video: keyframe) was written. */
    int muxerTrack() {
        return muxerTrack;
    }

    void muxerTrack(int number) {
        this.muxerTrack = number;
    }

    /** The time to write a frame at: after the track's previous frame (players want each track's times to increase). */
    long writeTime(long millis) {
        long time = lastWrittenMillis == Long.MIN_VALUE ? millis : Math.max(millis, lastWrittenMillis + 1);
        lastWrittenMillis = time;
        return time;
    }

    void frameBeforeKeyframe() {
        framesBeforeKeyframe++;
    }

    long framesBeforeKeyframe() {
        return framesBeforeKeyframe;
    }

    long otherPayloadTypes() {
        return otherPayloadTypes;
    }
}
