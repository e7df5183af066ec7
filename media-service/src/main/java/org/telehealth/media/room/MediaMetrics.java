package org.telehealth.media.room;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.IntSupplier;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * The instance's media path as Micrometer meters, for {@code /q/metrics}: the counters the
 * forwarder keeps anyway, read when scraped (nothing is counted twice on the packet path), and the
 * rooms and participants held. Prometheus names end counters in {@code _total}, so
 * {@code media.forwarded.packets} reads {@code media_forwarded_packets_total}.
 */
@Startup
@ApplicationScoped
public class MediaMetrics {

    public MediaMetrics(MeterRegistry registry, Forwarder forwarder, RoomRegistry rooms) {
        bind(registry, forwarder, rooms::size, rooms::participantCount);
    }

    static void bind(MeterRegistry registry, Forwarder forwarder, IntSupplier rooms, IntSupplier participants) {
        RetransmissionCounters repair = forwarder.retransmission();
        ReportCounters reports = forwarder.reports();
        counter(registry, "media.forwarded.packets", "RTP packets forwarded to receivers", forwarder,
                Forwarder::packetsForwarded);
        counter(registry, "media.retransmissions", "packets resent to receivers that NACKed them, as RTX", repair,
                RetransmissionCounters::packetsRetransmittedAsRtx, "format", "rtx");
        counter(registry, "media.retransmissions", "packets resent to receivers that NACKed them, unchanged", repair,
                RetransmissionCounters::packetsRetransmittedPlain, "format", "plain");
        counter(registry, "media.nacks.received", "NACKs receivers sent", repair, RetransmissionCounters::nacksReceived);
        counter(registry, "media.nacks.ignored", "NACKs for streams the SFU keeps no packets of", repair,
                RetransmissionCounters::nacksIgnored);
        counter(registry, "media.upstream.nacks", "NACKs sent to publishers for packets their uplink lost", repair,
                RetransmissionCounters::upstreamNacksSent);
        counter(registry, "media.rtx.recovered", "packets publishers' RTX brought back", repair,
                RetransmissionCounters::rtxPacketsRecovered);
        counter(registry, "media.duplicates.dropped", "packets dropped as already forwarded", repair,
                RetransmissionCounters::duplicatesDropped);
        counter(registry, "media.dropped.packets", "packets that did not parse", forwarder,
                Forwarder::packetsMalformed, "reason", "malformed");
        counter(registry, "media.dropped.packets", "RTP packets of SSRCs the sender does not publish", forwarder,
                Forwarder::packetsOfUnknownStreams, "reason", "unknown-stream");
        counter(registry, "media.layer.targets", "simulcast layers chosen for receivers, each receiver's first included",
                forwarder, Forwarder::layerTargetsSet);
        counter(registry, "media.transport.cc.feedback", "transport-cc feedback packets sent to publishers", reports,
                ReportCounters::transportCcFeedbackSent);
        counter(registry, "media.receiver.reports", "receiver reports sent to publishers", reports,
                ReportCounters::receiverReportsSent);
        counter(registry, "media.sender.reports.relayed", "publishers' sender reports relayed, once per receiver",
                reports, ReportCounters::senderReportsRelayed);
        Gauge.builder("media.rooms", rooms, IntSupplier::getAsInt).description("rooms open on this instance")
                .strongReference(true).register(registry);
        Gauge.builder("media.participants", participants, IntSupplier::getAsInt)
                .description("participants in this instance's rooms").strongReference(true).register(registry);
    }

    private static <T> void counter(MeterRegistry registry, String name, String description, T source,
            ToLongFunction<T> value, String... tags) {
        FunctionCounter.builder(name, source, (ToDoubleFunction<T>) s -> value.applyAsLong(s))
                .description(description).tags(tags).register(registry);
    }
}
