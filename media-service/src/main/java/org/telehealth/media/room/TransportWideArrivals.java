package org.telehealth.media.room;

import java.util.List;
import org.telehealth.media.bwe.TransportCcFeedbackGenerator;
import org.telehealth.media.rtcp.TransportCcFeedback;
import org.telehealth.media.rtp.RtpPacket;
import org.telehealth.media.rtp.TransportSequenceNumberExtension;

/**
 * Notes when each packet of a publisher's transport arrived, by its transport-wide sequence number,
 * so that the SFU can answer with the transport-cc feedback the browser's send-side bandwidth
 * estimator waits for. Every packet counts, whatever its stream: media, RTX and the padding-only
 * probes the browser sends to test a higher bitrate. Exists only for a publisher whose answer
 * kept the transport-wide-cc extension; kept by the {@link Participant}, so it goes when they leave.
 */
final class TransportWideArrivals {

    private final TransportSequenceNumberExtension extension;
    private final TransportCcFeedbackGenerator generator;

    /** @param extensionId the id the publisher's answer gave the transport-wide sequence number */
    TransportWideArrivals(int extensionId) {
        this(new TransportSequenceNumberExtension(extensionId), new TransportCcFeedbackGenerator());
    }

    private TransportWideArrivals(TransportSequenceNumberExtension extension, TransportCcFeedbackGenerator generator) {
        this.extension = extension;
        this.generator = generator;
    }

    int extensionId() {
        return extension.id();
    }

    /**
     * The same arrivals, read under another extension id: a renegotiation may renumber the
     * extension, but the transport and its sequence go on.
     */
    TransportWideArrivals withExtensionId(int extensionId) {
        return new TransportWideArrivals(new TransportSequenceNumberExtension(extensionId), generator);
    }

    /** Notes the arrival of {@code rtp}, if it carries a transport-wide sequence number. Runs per packet. */
    void onPacket(RtpPacket rtp, long arrivalNanos) {
        int sequenceNumber = extension.read(rtp);
        if (sequenceNumber != TransportSequenceNumberExtension.NOT_PRESENT) {
            generator.onPacket(sequenceNumber, arrivalNanos);
        }
    }

    /** The feedback on what arrived since the last call: empty if nothing did. */
    List<TransportCcFeedback> feedback(long senderSsrc, long mediaSsrc, long nowNanos) {
        return generator.buildFeedback(senderSsrc, mediaSsrc, nowNanos);
    }
}
