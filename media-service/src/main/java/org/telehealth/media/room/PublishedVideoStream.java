package org.telehealth.media.room;

import org.telehealth.media.retransmission.RetransmissionBuffer;
import org.telehealth.media.retransmission.RtxUnwrapper;
import org.telehealth.media.retransmission.UpstreamNackGenerator;

/**
 * What the SFU keeps of one published video track so that losses on either side of it can be
 * repaired: the packets as receivers got them (to answer their NACKs), the packets the publisher's
 * uplink lost (to NACK upstream), and the unwrapping of the publisher's RTX answers. Kept by the
 * publishing {@link Participant}, so it goes when they leave or stop publishing the track. Audio has
 * none: Opus carries its own FEC and browsers do not NACK audio.
 */
record PublishedVideoStream(long mediaSsrc, RetransmissionBuffer forwarded, UpstreamNackGenerator missing,
        RtxUnwrapper rtx) {

    /**
     * Packets kept per stream: about a second of 720p video at 4-5 Mbit/s, longer at lower rates;
     * receivers NACK within a few round trips. At most 1500 bytes each, so up to 768 KB per stream.
     */
    static final int BUFFER_CAPACITY = 512;

    static PublishedVideoStream of(long mediaSsrc) {
        return new PublishedVideoStream(mediaSsrc, new RetransmissionBuffer(mediaSsrc, BUFFER_CAPACITY),
                new UpstreamNackGenerator(), new RtxUnwrapper(mediaSsrc));
    }
}
