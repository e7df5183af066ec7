package org.telehealth.recording.capture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jboss.logging.Logger;
import org.telehealth.recording.webm.WebmSink;
import org.telehealth.recording.webm.WebmMuxer;
import org.telehealth.recording.webm.WebmTrack;

/**
 * One recording being captured: a UDP socket the media-service's recording fork sends a room's
 * media to, and the WebM file every track of it goes into. One thread per capture receives, and
 * carries each packet the whole way:
 *
 * <pre>
 * datagram ─► RTCP: APP "TRCK" ─► a track described (SSRC, participant, codecs): its TrackRecorder
 *          │        SR         ─► the track's timeline (NTP/RTP pair), the participant's clock
 *          │        BYE        ─► the track's jitter buffer flushed
 *          └► RTP ─► TrackRecorder: jitter buffer ─► depacketizer (Opus, VP8, VP9) ─► frame at a time on the timeline
 *                    ─► Interleaver (all tracks in time order) ─► first frame of a track (video: a keyframe) declares it
 *                    ─► WebmMuxer: clusters of at most a second, appended and synced
 * </pre>
 *
 * <p>Frames wait in the interleaver for a second; their place on the timeline is taken when they
 * leave it, with the sender reports and arrivals seen meanwhile, so a recorder that was busy when
 * the first packets came (their arrival is late, never early) does not shift them.
 *
 * <p>The socket takes datagrams from one address only: the first that sends (the fork's socket).
 * Packets of an SSRC not yet described wait (a bounded number) for its description. The file's
 * timeline starts at the first frame written. {@link #stop()} flushes what is held and finishes the
 * file (cues, duration); a crash leaves what was synced, which plays.
 */
public final class ForkRecorder implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ForkRecorder.class);
    private static final int MAX_DATAGRAM = 2048;
    private static final int MAX_TRACKS = 64;
    private static final int RECEIVE_TIMEOUT_MILLIS = 20;
    private static final long IDLE_CLUSTER_NANOS = WebmMuxer.CLUSTER_MILLIS * 1_000_000L;

    private final String id;
    private final DatagramSocket socket;
    private final WebmMuxer muxer;
    private final CaptureSettings settings;
    private final Interleaver interleaver;
    private final Map<Long, TrackRecorder> tracks = new ConcurrentHashMap<>();
    private final Map<String, SenderClock> clocks = new HashMap<>();
    private final Map<Long, Deque<byte[]>> pending = new HashMap<>();
    private final Thread thread;
    private final Consumer<IOException> onFailure;
    private volatile boolean running = true;
    private volatile IOException failure;
    private SocketAddress source;
    private long origin = Long.MIN_VALUE;
    private long lastWriteNanos;
    private volatile long datagrams;
    private volatile long foreign;
    private volatile long malformed;
    private volatile long undescribed;
    private volatile long framesWritten;
    private volatile int tracksWritten;

    private ForkRecorder(String id, DatagramSocket socket, WebmMuxer muxer, CaptureSettings settings,
            Consumer<IOException> onFailure) {
        this.id = id;
        this.socket = socket;
        this.muxer = muxer;
        this.settings = settings;
        this.onFailure = onFailure;
        this.interleaver = new Interleaver(settings.interleaveDelay().toNanos());
        this.thread = new Thread(this::run, "recording-capture-" + id);
    }

    /**
     * Opens the socket on {@code bindTo} (port 0: any free one), writes the file's header to
     * {@code sink} and starts receiving.
     *
     * @param id names the capture in logs and thread names (no PHI)
     */
    public static ForkRecorder start(String id, InetSocketAddress bindTo, WebmSink sink, CaptureSettings settings)
            throws IOException {
        DatagramSocket socket = new DatagramSocket(null);
        try {
            socket.bind(bindTo);
        } catch (IOException | RuntimeException e) {
            socket.close();
            sink.close();
            throw e;
        }
        return start(id, socket, sink, settings, failure -> { });
    }

    /**
     * Receives on {@code socket} (bound already; closed when the capture ends), writes the file's
     * header to {@code sink} and starts receiving.
     *
     * @param onFailure told, on the capture's thread, when writing failed and the capture stopped early
     */
    public static ForkRecorder start(String id, DatagramSocket socket, WebmSink sink, CaptureSettings settings,
            Consumer<IOException> onFailure) throws IOException {
        try {
            socket.setReceiveBufferSize(4 * 1024 * 1024);
            socket.setSoTimeout(RECEIVE_TIMEOUT_MILLIS);
            WebmMuxer muxer = new WebmMuxer(sink, "telehealth recording-service", Instant.now());
            ForkRecorder recorder = new ForkRecorder(id, socket, muxer, settings, onFailure);
            recorder.thread.start();
            return recorder;
        } catch (IOException | RuntimeException e) {
            socket.close();
            sink.close();
            throw e;
        }
    }

    /** Where the media-service is to send (its recording fork's target). */
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    /**
     * Stops receiving, writes out every frame still held and finishes the file.
     *
     * @throws IOException if writing failed, now or during the capture
     */
    public void stop() throws IOException {
        running = false;
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping capture " + id, e);
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void close() throws IOException {
        stop();
    }

    /** The error that stopped the capture early, or null. */
    public IOException failure() {
        return failure;
    }

    public CaptureStats stats() {
        long lost = 0;
        long duplicates = 0;
        long late = 0;
        long beforeKeyframe = 0;
        for (TrackRecorder track : tracks.values()) {
            lost += track.jitterBuffer().lost();
            duplicates += track.jitterBuffer().duplicates();
            late += track.jitterBuffer().late();
            beforeKeyframe += track.framesBeforeKeyframe();
        }
        return new CaptureStats(datagrams, foreign, malformed, tracks.size(), tracksWritten, undescribed, lost, duplicates,
                late, framesWritten, beforeKeyframe);
    }

    private void run() {
        byte[] buffer = new byte[MAX_DATAGRAM];
        try {
            while (running) {
                DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
                boolean received = receive(datagram);
                long now = System.nanoTime();
                if (received) {
                    byte[] data = Arrays.copyOf(buffer, datagram.getLength());
                    onDatagram(data, datagram.getSocketAddress(), now);
                }
                for (TrackRecorder track : tracks.values()) {
                    track.poll(now, this::offer);
                }
                interleaver.drain(now, this::write);
                if (now - lastWriteNanos > IDLE_CLUSTER_NANOS) {
                    muxer.closeCluster();
                }
            }
            for (TrackRecorder track : tracks.values()) {
                track.flush(this::offer);
            }
            interleaver.flush(this::write);
            muxer.finish();
            LOG.infof("capture %s finished: %s", id, stats());
        } catch (IOException | UncheckedIOException e) {
            failure = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : (IOException) e;
            LOG.errorf("capture %s stopped: the recording could not be written: %s", id, failure.getMessage());
            closeQuietly();
            onFailure.accept(failure);
        } finally {
            socket.close();
        }
    }

    private boolean receive(DatagramPacket datagram) throws IOException {
        try {
            socket.receive(datagram);
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }

    private void onDatagram(byte[] data, SocketAddress from, long now) {
        if (source == null) {
            source = from;
        } else if (!source.equals(from)) {
            foreign++;
            return;
        }
        datagrams++;
        if (RtcpMessages.isRtcp(data, 0, data.length)) {
            for (RtcpMessages.Message message : RtcpMessages.read(data, 0, data.length)) {
                onRtcp(message, now);
            }
            return;
        }
        RtpPacket packet;
        try {
            packet = RtpPacket.parse(data, 0, data.length);
        } catch (IllegalArgumentException e) {
            malformed++;
            return;
        }
        TrackRecorder track = tracks.get(packet.ssrc());
        if (track != null) {
            track.onRtp(packet, now, this::offer);
        } else {
            hold(packet.ssrc(), data);
        }
    }

    private void onRtcp(RtcpMessages.Message message, long now) {
        if (message instanceof RtcpMessages.Description description) {
            describe(description, now);
        } else if (message instanceof RtcpMessages.SenderReport report) {
            TrackRecorder track = tracks.get(report.ssrc());
            if (track != null) {
                track.onSenderReport(report.ntpTimestamp(), report.rtpTimestamp(), now);
            }
        } else if (message instanceof RtcpMessages.Goodbye bye) {
            for (long ssrc : bye.ssrcs()) {
                TrackRecorder track = tracks.get(ssrc);
                if (track != null) {
                    track.flush(this::offer);
                }
            }
        }
    }

    private void describe(RtcpMessages.Description message, long now) {
        if (tracks.containsKey(message.ssrc())) {
            return;
        }
        TrackDescription description;
        try {
            description = TrackDescription.parse(message.json());
        } catch (IllegalArgumentException e) {
            malformed++;
            return;
        }
        if (description.ssrc() != message.ssrc() || tracks.size() >= MAX_TRACKS) {
            malformed++;
            return;
        }
        SenderClock clock = clocks.computeIfAbsent(description.participant(), participant -> new SenderClock());
        TrackRecorder track = new TrackRecorder(description, clock, settings);
        tracks.put(description.ssrc(), track);
        Deque<byte[]> held = pending.remove(description.ssrc());
        if (held != null) {
            for (byte[] data : held) {
                track.onRtp(RtpPacket.parse(data, 0, data.length), now, this::offer);
            }
        }
    }

    /** Keeps a packet of an SSRC not described yet; the oldest go first when too many wait. */
    private void hold(long ssrc, byte[] data) {
        Deque<byte[]> held = pending.get(ssrc);
        if (held == null) {
            if (pending.size() >= MAX_TRACKS) {
                undescribed++;
                return;
            }
            held = new ArrayDeque<>();
            pending.put(ssrc, held);
        }
        held.add(data);
        if (held.size() > settings.maxPendingPackets()) {
            held.removeFirst();
            undescribed++;
        }
    }

    private void offer(TrackRecorder track, EncodedFrame frame, long timestamp, long arrivalNanos) {
        interleaver.offer(track, frame, timestamp, arrivalNanos);
    }

    private void write(Interleaver.Timed timed) {
        TrackRecorder track = timed.track();
        EncodedFrame frame = timed.frame();
        TrackDescription description = track.description();
        boolean video = description.kind() == TrackDescription.Kind.VIDEO;
        try {
            if (track.muxerTrack() == 0) {
                if (video && !frame.keyframe()) {
                    track.frameBeforeKeyframe();
                    return;
                }
                String name = description.participant() + " "
                        + (description.screenShare() ? "screen" : video ? "camera" : "microphone");
                WebmTrack declared = video
                        ? WebmTrack.video(track.depacketizer().codecId(), name, frame.width() > 0 ? frame.width() : 640,
                                frame.height() > 0 ? frame.height() : 480)
                        : WebmTrack.opus(name);
                try {
                    track.muxerTrack(muxer.addTrack(declared));
                    tracksWritten++;
                } catch (IllegalStateException full) {
                    track.muxerTrack(-1);
                    LOG.warnf("capture %s: no room for another track in the file; %s's %s is not recorded", id,
                            description.participant(), description.kind());
                }
            }
            if (track.muxerTrack() < 0) {
                return;
            }
            long timeNanos = timed.timeNanos();
            if (origin == Long.MIN_VALUE) {
                origin = timeNanos;
            }
            long millis = Math.floorDiv(timeNanos - origin, 1_000_000L);
            muxer.write(track.muxerTrack(), track.writeTime(millis), frame.keyframe(), frame.data());
            framesWritten++;
            lastWriteNanos = System.nanoTime();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void closeQuietly() {
        try {
            muxer.close();
        } catch (IOException ignored) {
            // already failing
        }
    }
}
