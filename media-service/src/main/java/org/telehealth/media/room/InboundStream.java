package org.telehealth.media.room;

import org.telehealth.media.sdp.MediaKind;
import org.telehealth.media.stats.ReceiveStatistics;
import org.telehealth.media.stats.TrafficMeter;

/**
 * What the SFU measures of one track a participant publishes, as it arrives: the reception
 * statistics its receiver reports to the publisher are built from, and the traffic (media and RTX
 * together) the stats API shows. Made on the track's first packet and kept by the publishing
 * {@link Participant}, so it goes when they leave or stop publishing the track.
 */
public final class InboundStream {

    /** The RTP clock of Opus, the one audio codec the SFU accepts. */
    static final int AUDIO_CLOCK_RATE = 48_000;
    /** The RTP clock of every video codec. */
    static final int VIDEO_CLOCK_RATE = 90_000;

    private final PublishedTrack track;
    private final ReceiveStatistics reception;
    private final TrafficMeter traffic = new TrafficMeter();

    InboundStream(PublishedTrack track) {
        this.track = track;
        this.reception = new ReceiveStatistics(track.kind() == MediaKind.AUDIO ? AUDIO_CLOCK_RATE : VIDEO_CLOCK_RATE);
    }

    public PublishedTrack track() {
        return track;
    }

    /** Loss, jitter and last sender report of the track's media SSRC. */
    public ReceiveStatistics reception() {
        return reception;
    }

    /** Packets, bytes and bitrate of the track, its RTX included. */
    public TrafficMeter traffic() {
        return traffic;
    }
}
