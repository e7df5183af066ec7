package org.telehealth.media.room;

import org.telehealth.media.sdp.MediaKind;
import org.telehealth.media.stats.ReceiveStatistics;
import org.telehealth.media.stats.TrafficMeter;

/**
 * What the SFU measures of one stream a participant publishes (a track sent whole, or one simulcast
 * layer), as it arrives: the reception statistics its receiver reports to the publisher are built
 * from, the traffic (media and RTX together) the stats API shows, the media alone that simulcast
 * layers are chosen by (a browser probes its bandwidth with RTX padding, mostly on the lowest
 * layer's, which says nothing of what the layer costs a receiver), and when its last media packet
 * came (a layer the browser stopped sending cannot be switched to).
 * Made on the stream's first packet and kept by the publishing {@link Participant}, so it goes when
 * they leave or stop publishing the track.
 */
public final class InboundStream {

    /** The RTP clock of Opus, the one audio codec the SFU accepts. */
    static final int AUDIO_CLOCK_RATE = 48_000;
    /** The RTP clock of every video codec. */
    static final int VIDEO_CLOCK_RATE = 90_000;
    /** A stream that sent nothing for this long is taken to be paused (a browser stops a simulcast layer it cannot afford). */
    static final long ACTIVE_WITHIN_NANOS = 1_000_000_000L;

    private volatile PublishedStream stream;
    private final ReceiveStatistics reception;
    private final TrafficMeter traffic = new TrafficMeter();
    private final TrafficMeter media = new TrafficMeter();
    private volatile boolean started;
    private volatile long lastPacketNanos;

    InboundStream(PublishedStream stream) {
        this.stream = stream;
        this.reception = new ReceiveStatistics(stream.track().kind() == MediaKind.AUDIO ? AUDIO_CLOCK_RATE : VIDEO_CLOCK_RATE);
    }

    public PublishedTrack track() {
        return stream.track();
    }

    /** The media SSRC of the stream. */
    public long ssrc() {
        return stream.ssrc();
    }

    /** The rid of the simulcast layer, or null for a track sent whole. */
    public String rid() {
        return stream.rid();
    }

    /** The same statistics, now of {@code renegotiated}, the stream as the last negotiation describes it. */
    InboundStream describing(PublishedStream renegotiated) {
        this.stream = renegotiated;
        return this;
    }

    /** Counts a packet of the stream (media or RTX) of {@code length} bytes. Runs per packet. */
    void onPacket(int length, long nowNanos) {
        traffic.add(length, nowNanos);
    }

    /** Counts a media packet with a payload, of {@code length} bytes. Runs per packet. */
    void onMedia(int length, long nowNanos) {
        media.add(length, nowNanos);
        lastPacketNanos = nowNanos;
        started = true;
    }

    /** The bitrate of the stream's media over the last 5 s or so, RTX and padding-only packets left out. */
    public long mediaBitsPerSecond(long nowNanos) {
        return media.bitsPerSecond(nowNanos);
    }

    /** Whether the stream sent a media packet within the last {@link #ACTIVE_WITHIN_NANOS}. */
    boolean active(long nowNanos) {
        return started && nowNanos - lastPacketNanos < ACTIVE_WITHIN_NANOS;
    }

    /** Loss, jitter and last sender report of the stream's media SSRC. */
    public ReceiveStatistics reception() {
        return reception;
    }

    /** Packets, bytes and bitrate of the stream, its RTX included. */
    public TrafficMeter traffic() {
        return traffic;
    }
}
