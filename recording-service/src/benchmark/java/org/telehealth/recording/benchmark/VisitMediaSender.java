package org.telehealth.recording.benchmark;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.telehealth.media.benchmark.SfuPublisher;
import org.telehealth.media.benchmark.SfuPublisher.Track;
import org.telehealth.recording.capture.CodedFrames;
import org.telehealth.recording.capture.TestPackets;

/**
 * The participants' browsers, for every visit of the benchmark: each sends its microphone (the
 * Opus fixture, one 20 ms frame a packet) and its camera (the 640x480 VP8 fixture, about 1 Mbit/s at
 * 25 frames a second, in packets of at most 1,100 bytes of payload) in real time to the SFU,
 * looped from the first keyframe, a sender report per track every second and a consent check
 * every 5 s, as browsers do. One thread sends for all (one core at most for the generator); each
 * stream starts at a random phase, so that visits do not send in step. Counts what it sent, and
 * how late it was when it could not keep the pace.
 */
final class VisitMediaSender implements AutoCloseable {

    private static final long MICROPHONE_PERIOD_NANOS = 20_000_000L;
    private static final long REPORT_INTERVAL_NANOS = 1_000_000_000L;
    private static final long CONSENT_INTERVAL_NANOS = 5_000_000_000L;
    private static final long MAX_SLEEP_NANOS = 10_000_000L;

    private final List<byte[]> microphone;
    private final List<List<byte[]>> camera;
    private final long cameraPeriodNanos;
    private final long epochMinusNanoTime;
    private final Thread thread;
    private volatile ParticipantMedia[] participants = new ParticipantMedia[0];
    private volatile boolean running = true;
    private final AtomicLong maxLatenessNanos = new AtomicLong();
    private volatile long framesSent;
    private volatile long packetsSent;
    private volatile long packetsNotSent;

    /**
     * @param microphone Opus frames of 20 ms
     * @param camera VP8 frames at {@code cameraFps}, the first a keyframe
     */
    VisitMediaSender(List<CodedFrames.Frame> microphone, List<CodedFrames.Frame> camera, int cameraFps) {
        this.microphone = microphone.stream().map(CodedFrames.Frame::data).toList();
        this.camera = camera.stream().map(frame -> TestPackets.vp8Payloads(0, frame.data())).toList();
        this.cameraPeriodNanos = 1_000_000_000L / cameraFps;
        Instant now = Instant.now();
        this.epochMinusNanoTime = now.getEpochSecond() * 1_000_000_000L + now.getNano() - System.nanoTime();
        this.thread = new Thread(this::run, "visit-media-sender");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Starts sending for {@code publishers} too. */
    synchronized void add(List<SfuPublisher> publishers) {
        List<ParticipantMedia> all = new ArrayList<>(List.of(participants));
        long now = System.nanoTime();
        for (SfuPublisher publisher : publishers) {
            all.add(new ParticipantMedia(publisher, now));
        }
        participants = all.toArray(new ParticipantMedia[0]);
    }

    /** Stops sending for {@code publishers} (they leave: the SFU drops them once their consent lapses). */
    synchronized void remove(List<SfuPublisher> publishers) {
        participants = Arrays.stream(participants).filter(p -> !publishers.contains(p.publisher))
                .toArray(ParticipantMedia[]::new);
    }

    /** The frames a second all participants send when on time. */
    double framesPerSecond() {
        return participants.length * (1e9 / MICROPHONE_PERIOD_NANOS + 1e9 / cameraPeriodNanos);
    }

    /** Frames (microphone and camera) sent so far. */
    long framesSent() {
        return framesSent;
    }

    /** RTP packets sent so far. */
    long packetsSent() {
        return packetsSent;
    }

    /** RTP packets that could not be sent (socket buffer full, SRTP refused) so far. */
    long packetsNotSent() {
        return packetsNotSent;
    }

    /** The latest a frame went out since the last call, in nanoseconds after it was due. */
    long takeMaxLatenessNanos() {
        return maxLatenessNanos.getAndSet(0);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(2_000);
    }

    private void run() {
        while (running) {
            long now = System.nanoTime();
            long earliest = now + MAX_SLEEP_NANOS;
            for (ParticipantMedia participant : participants) {
                earliest = Math.min(earliest, participant.sendDue(now));
            }
            long sleep = earliest - System.nanoTime();
            if (sleep > 0) {
                LockSupport.parkNanos(sleep);
            }
        }
    }

    /** One participant's microphone and camera, their sender reports and consent checks. */
    private final class ParticipantMedia {

        private final SfuPublisher publisher;
        private final StreamState microphoneStream;
        private final StreamState cameraStream;
        private long nextReport;
        private long nextConsent;

        ParticipantMedia(SfuPublisher publisher, long now) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            this.publisher = publisher;
            this.microphoneStream = new StreamState(Track.MICROPHONE, new FrameSchedule(
                    now + random.nextLong(MICROPHONE_PERIOD_NANOS), MICROPHONE_PERIOD_NANOS, 48_000, random.nextLong(1L << 32)));
            this.cameraStream = new StreamState(Track.CAMERA, new FrameSchedule(now + random.nextLong(cameraPeriodNanos),
                    cameraPeriodNanos, 90_000, random.nextLong(1L << 32)));
            this.nextReport = now + random.nextLong(REPORT_INTERVAL_NANOS);
            this.nextConsent = now;
        }

        /** Sends what is due by {@code now}; returns when something is due next. */
        long sendDue(long now) {
            while (microphoneStream.schedule.due(now)) {
                note(microphoneStream.schedule.latenessNanos(now));
                long index = microphoneStream.schedule.take();
                byte[] frame = microphone.get((int) (index % microphone.size()));
                microphoneStream.send(index, frame, false);
                framesSent++;
            }
            while (cameraStream.schedule.due(now)) {
                note(cameraStream.schedule.latenessNanos(now));
                long index = cameraStream.schedule.take();
                List<byte[]> payloads = camera.get((int) (index % camera.size()));
                int pictureId = (int) (index & 0x7FFF);
                for (int i = 0; i < payloads.size(); i++) {
                    byte[] payload = payloads.get(i);
                    payload[2] = (byte) (0x80 | pictureId >> 8 & 0x7F); // the descriptor's 15-bit picture id
                    payload[3] = (byte) pictureId;
                    cameraStream.send(index, payload, i == payloads.size() - 1);
                }
                framesSent++;
            }
            if (now - nextReport >= 0) {
                long ntp = FrameSchedule.ntpTimestamp(epochMinusNanoTime + now);
                microphoneStream.report(ntp, now);
                cameraStream.report(ntp, now);
                nextReport += REPORT_INTERVAL_NANOS;
            }
            if (now - nextConsent >= 0) {
                publisher.checkConsent();
                nextConsent += CONSENT_INTERVAL_NANOS;
            }
            return Math.min(Math.min(microphoneStream.schedule.nextDueNanos(), cameraStream.schedule.nextDueNanos()),
                    Math.min(nextReport, nextConsent));
        }

        private void note(long lateness) {
            if (lateness > maxLatenessNanos.get()) {
                maxLatenessNanos.accumulateAndGet(lateness, Math::max);
            }
        }

        /** A track's sequence numbers and the counts its sender reports carry. */
        private final class StreamState {

            private final Track track;
            private final FrameSchedule schedule;
            private int sequenceNumber = ThreadLocalRandom.current().nextInt(1 << 16);
            private long packets;
            private long octets;

            StreamState(Track track, FrameSchedule schedule) {
                this.track = track;
                this.schedule = schedule;
            }

            void send(long frameIndex, byte[] payload, boolean marker) {
                if (publisher.sendRtp(track, sequenceNumber++, schedule.timestampOf(frameIndex), marker, payload)) {
                    packets++;
                    octets += payload.length;
                    packetsSent++;
                } else {
                    packetsNotSent++;
                }
            }

            void report(long ntpTimestamp, long now) {
                publisher.sendSenderReport(track, ntpTimestamp, schedule.timestampAt(now), packets, octets);
            }
        }
    }
}
