package org.telehealth.media.room;

import java.util.concurrent.atomic.LongAdder;

/**
 * How the SFU's own RTCP reports are going, for metrics: transport-cc feedback and receiver reports
 * sent to publishers, and publishers' sender reports relayed to receivers. Counted since start;
 * read from anywhere.
 */
public final class ReportCounters {

    final LongAdder transportCcFeedbackSent = new LongAdder();
    final LongAdder receiverReportsSent = new LongAdder();
    final LongAdder senderReportsRelayed = new LongAdder();

    ReportCounters() {
    }

    /** Transport-cc feedback packets sent to publishers. */
    public long transportCcFeedbackSent() {
        return transportCcFeedbackSent.sum();
    }

    /** Receiver reports sent to publishers, one per publisher and second. */
    public long receiverReportsSent() {
        return receiverReportsSent.sum();
    }

    /** Publishers' sender reports sent on to a receiver, counted once per receiver. */
    public long senderReportsRelayed() {
        return senderReportsRelayed.sum();
    }
}
