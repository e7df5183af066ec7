package org.telehealth.recording.webm;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a WebM file (Matroska's subset for the web: VP8/VP9 and Opus) that plays while it grows
 * and after a crash, and is seekable once finished. The layout:
 *
 * <pre>
 * EBML header (DocType webm)
 * Segment, size unknown until finished
 *   [SeekHead region]  Void, becomes SeekHead (Info, Tracks, Cues) + Void when finished
 *   Info               TimestampScale 1 ms, apps, DateUTC, [Void 11 bytes: becomes Duration]
 *   [Tracks region]    Tracks + Void, rewritten when a track joins (before its first block)
 *   Cluster            Timestamp, SimpleBlocks of every track in time order; one at least every second
 *   Cluster ...
 *   Cues               when finished: a CuePoint per cluster and track that starts there (video at a keyframe)
 * </pre>
 *
 * <p>Everything up to the clusters is the head ({@link #headLength()} bytes, the same length
 * throughout), kept in memory and handed to the sink whole whenever it changes: when a track joins
 * (before its first block) and when the recording is finished. Everything after it, the body, is
 * appended once: clusters are built in memory and appended whole, then the sink is synced. So a file
 * cut anywhere after a cluster has every frame before it, with a head that declares every track in
 * it: players read it up to the cut (without a duration until it is finished). Tracks may join at
 * any time (participants join late); each is declared in the Tracks region, so at most as many as
 * fit in it.
 *
 * <p>Timestamps are milliseconds from the recording's start. A track's blocks must come in its own
 * time order; tracks may interleave a little out of order (a block's time is relative to its
 * cluster, within ±32 s). Not thread-safe: one capture thread writes.
 */
public final class WebmMuxer implements Closeable {

    /** A cluster closes once it spans this much, so a crash loses at most about this much. */
    public static final long CLUSTER_MILLIS = 1000;

    static final int EBML = 0x1A45DFA3;
    static final int SEGMENT = 0x18538067;
    static final int SEEK_HEAD = 0x114D9B74;
    static final int SEEK = 0x4DBB;
    static final int SEEK_ID = 0x53AB;
    static final int SEEK_POSITION = 0x53AC;
    static final int INFO = 0x1549A966;
    static final int TIMESTAMP_SCALE = 0x2AD7B1;
    static final int DURATION = 0x4489;
    static final int DATE_UTC = 0x4461;
    static final int MUXING_APP = 0x4D80;
    static final int WRITING_APP = 0x5741;
    static final int TRACKS = 0x1654AE6B;
    static final int TRACK_ENTRY = 0xAE;
    static final int CLUSTER = 0x1F43B675;
    static final int CLUSTER_TIMESTAMP = 0xE7;
    static final int SIMPLE_BLOCK = 0xA3;
    static final int CUES = 0x1C53BB6B;
    static final int CUE_POINT = 0xBB;
    static final int CUE_TIME = 0xB3;
    static final int CUE_TRACK_POSITIONS = 0xB7;
    static final int CUE_TRACK = 0xF7;
    static final int CUE_CLUSTER_POSITION = 0xF1;

    /** Room for the SeekHead written when finished: three entries take about 70 bytes. */
    static final int SEEK_HEAD_RESERVED = 96;
    /** Room for the track list: about 100 bytes a track, so 8 participants' cameras, microphones and screens. */
    static final int TRACKS_RESERVED = 4096;
    private static final int DURATION_LENGTH = 11;
    private static final Instant MATROSKA_EPOCH = Instant.parse("2001-01-01T00:00:00Z");
    private static final int MAX_RELATIVE = Short.MAX_VALUE;

    private final WebmSink sink;
    private final List<WebmTrack> tracks = new ArrayList<>();
    private final List<Long> trackUids = new ArrayList<>();
    private final List<CuePoint> cues = new ArrayList<>();
    private final List<CuePoint> clusterCues = new ArrayList<>();
    private final SecureRandom random = new SecureRandom();
    private final long segmentDataStart;
    private final long seekHeadPosition;
    private final long infoPosition;
    private final long durationPosition;
    private final long tracksPosition;
    private final byte[] head;
    private final EbmlBuffer cluster = new EbmlBuffer();
    private boolean[] startedInCluster = new boolean[0];
    private long clusterTimestamp = -1;
    private long maxTimestamp = -1;
    private long bodyLength;
    private boolean finished;

    private record CuePoint(long time, int track, long clusterPosition) {
    }

    /** Writes the head (durably). */
    public WebmMuxer(WebmSink sink, String writingApp, Instant startedAt) throws IOException {
        this.sink = sink;
        EbmlBuffer header = new EbmlBuffer().master(EBML, ebml -> ebml.uint(0x4286, 1).uint(0x42F7, 1).uint(0x42F2, 4)
                .uint(0x42F3, 8).string(0x4282, "webm").uint(0x4287, 4).uint(0x4285, 2));
        header.id(SEGMENT).size(EbmlBuffer.UNKNOWN_SIZE, 8);
        segmentDataStart = header.length();
        seekHeadPosition = segmentDataStart;
        header.voidElement(SEEK_HEAD_RESERVED);
        infoPosition = header.length();
        EbmlBuffer info = new EbmlBuffer().master(INFO, content -> content.uint(TIMESTAMP_SCALE, 1_000_000)
                .string(MUXING_APP, "telehealth-recording WebmMuxer").string(WRITING_APP, writingApp)
                .signedDate(DATE_UTC, Duration.between(MATROSKA_EPOCH, startedAt).toNanos())
                .voidElement(DURATION_LENGTH));
        durationPosition = infoPosition + info.length() - DURATION_LENGTH;
        header.raw(info.toByteArray());
        tracksPosition = header.length();
        header.voidElement(TRACKS_RESERVED);
        head = header.toByteArray();
        sink.writeHead(ByteBuffer.wrap(head));
    }

    /** Bytes of the head: the start of the file that is replaced when it changes; nothing after it is. */
    public int headLength() {
        return head.length;
    }

    /**
     * Declares a track (the head is written again, durably) and gives its number, for
     * {@link #write}.
     *
     * @throws IllegalStateException if the Tracks region is full
     */
    public int addTrack(WebmTrack track) throws IOException {
        requireOpen();
        tracks.add(track);
        long uid;
        do {
            uid = random.nextLong() & Long.MAX_VALUE;
        } while (uid == 0);
        trackUids.add(uid);
        EbmlBuffer region = tracksElement();
        if (region.length() > TRACKS_RESERVED - 2 && region.length() != TRACKS_RESERVED) {
            tracks.remove(tracks.size() - 1);
            trackUids.remove(trackUids.size() - 1);
            throw new IllegalStateException("no room for another track in the recording's header (" + tracks.size() + " tracks)");
        }
        if (region.length() < TRACKS_RESERVED) {
            region.voidElement(TRACKS_RESERVED - region.length());
        }
        patchHead(tracksPosition, region);
        sink.writeHead(ByteBuffer.wrap(head));
        startedInCluster = new boolean[tracks.size() + 1];
        return tracks.size();
    }

    /**
     * Adds a frame of track {@code track} at {@code timestampMillis} from the recording's start. A
     * cluster that spans {@link #CLUSTER_MILLIS} already, or a video keyframe, starts a new one.
     */
    public void write(int track, long timestampMillis, boolean keyframe, byte[] frame) throws IOException {
        requireOpen();
        if (track < 1 || track > tracks.size()) {
            throw new IllegalArgumentException("no track " + track);
        }
        long time = Math.max(0, timestampMillis);
        boolean video = tracks.get(track - 1).video();
        if (clusterTimestamp >= 0 && (time - clusterTimestamp >= CLUSTER_MILLIS || time - clusterTimestamp > MAX_RELATIVE
                || (video && keyframe && time > clusterTimestamp))) {
            closeCluster();
        }
        if (clusterTimestamp < 0) {
            clusterTimestamp = time;
            cluster.uint(CLUSTER_TIMESTAMP, time);
        }
        int relative = (int) Math.max(Short.MIN_VALUE, time - clusterTimestamp);
        if (!startedInCluster[track] && (keyframe || !video)) {
            startedInCluster[track] = true;
            clusterCues.add(new CuePoint(clusterTimestamp + relative, track, -1));
        }
        cluster.id(SIMPLE_BLOCK).size(4 + frame.length);
        cluster.raw(new byte[] {(byte) (0x80 | track), (byte) (relative >> 8), (byte) relative, (byte) (keyframe ? 0x80 : 0)});
        cluster.raw(frame);
        maxTimestamp = Math.max(maxTimestamp, time);
    }

    /** Appends the cluster being built, if it has a block, and syncs: nothing written before is lost to a crash. */
    public void closeCluster() throws IOException {
        if (clusterTimestamp < 0) {
            return;
        }
        long position = head.length + bodyLength - segmentDataStart;
        EbmlBuffer element = new EbmlBuffer().id(CLUSTER).size(cluster.length()).raw(cluster.toByteArray());
        append(element);
        sink.sync();
        clusterCues.sort((a, b) -> Long.compare(a.time(), b.time()));
        for (CuePoint cue : clusterCues) {
            cues.add(new CuePoint(cue.time(), cue.track(), position));
        }
        clusterCues.clear();
        cluster.reset();
        clusterTimestamp = -1;
        startedInCluster = new boolean[tracks.size() + 1];
    }

    /** Milliseconds of the latest frame written so far, or -1. */
    public long latestTimestamp() {
        return maxTimestamp;
    }

    /**
     * Closes the last cluster, appends the Cues and syncs, then writes the head with the SeekHead,
     * the duration and the segment's size filled in, and closes the sink. Nothing can be written
     * after.
     */
    public void finish() throws IOException {
        if (finished) {
            return;
        }
        closeCluster();
        long cuesPosition = head.length + bodyLength - segmentDataStart;
        if (!cues.isEmpty()) {
            EbmlBuffer element = new EbmlBuffer().master(CUES, content -> {
                for (CuePoint cue : cues) {
                    content.master(CUE_POINT, point -> point.uint(CUE_TIME, cue.time()).master(CUE_TRACK_POSITIONS,
                            positions -> positions.uint(CUE_TRACK, cue.track()).uint(CUE_CLUSTER_POSITION, cue.clusterPosition())));
                }
            });
            append(element);
            sink.sync();
        }
        EbmlBuffer seekHead = new EbmlBuffer().master(SEEK_HEAD, content -> {
            seek(content, INFO, infoPosition - segmentDataStart);
            seek(content, TRACKS, tracksPosition - segmentDataStart);
            if (!cues.isEmpty()) {
                seek(content, CUES, cuesPosition);
            }
        });
        seekHead.voidElement(SEEK_HEAD_RESERVED - seekHead.length());
        patchHead(seekHeadPosition, seekHead);
        double duration = maxTimestamp < 0 ? 0 : maxTimestamp + 20;
        patchHead(durationPosition, new EbmlBuffer().floatValue(DURATION, duration));
        patchHead(segmentDataStart - 8, new EbmlBuffer().size(head.length + bodyLength - segmentDataStart, 8));
        sink.writeHead(ByteBuffer.wrap(head));
        finished = true;
        sink.close();
    }

    /** Closes the sink without finishing: the file stays as a crash would leave it, playable up to the last cluster. */
    @Override
    public void close() throws IOException {
        if (!finished) {
            finished = true;
            sink.close();
        }
    }

    private void append(EbmlBuffer element) throws IOException {
        sink.append(element.toByteBuffer());
        bodyLength += element.length();
    }

    private void patchHead(long position, EbmlBuffer bytes) {
        System.arraycopy(bytes.toByteArray(), 0, head, (int) position, bytes.length());
    }

    private EbmlBuffer tracksElement() {
        return new EbmlBuffer().master(TRACKS, content -> {
            for (int i = 0; i < tracks.size(); i++) {
                WebmTrack track = tracks.get(i);
                int number = i + 1;
                long uid = trackUids.get(i);
                content.master(TRACK_ENTRY, entry -> {
                    entry.uint(0xD7, number).uint(0x73C5, uid).uint(0x83, track.video() ? 1 : 2).uint(0x9C, 0)
                            .string(0x536E, track.name()).string(0x86, track.codecId());
                    if (track.codecPrivate() != null) {
                        entry.binary(0x63A2, track.codecPrivate());
                    }
                    if (track.video()) {
                        entry.master(0xE0, video -> video.uint(0xB0, track.width()).uint(0xBA, track.height()));
                    } else {
                        entry.uint(0x56AA, 0).uint(0x56BB, 80_000_000L)
                                .master(0xE1, audio -> audio.floatValue(0xB5, track.samplingFrequency()).uint(0x9F, track.channels()));
                    }
                });
            }
        });
    }

    private static void seek(EbmlBuffer content, int id, long position) {
        content.master(SEEK, seek -> seek.binary(SEEK_ID, idBytes(id)).uint(SEEK_POSITION, position));
    }

    private static byte[] idBytes(int id) {
        return ByteBuffer.allocate(4).putInt(id).array();
    }

    private void requireOpen() {
        if (finished) {
            throw new IllegalStateException("the recording is finished");
        }
    }
}
