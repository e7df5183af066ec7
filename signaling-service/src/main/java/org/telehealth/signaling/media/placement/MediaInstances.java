package org.telehealth.signaling.media.placement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.telehealth.events.media.MediaInstanceLoad;
import org.telehealth.signaling.config.SignalingConfig;

/**
 * The media-service instances this signaling instance knows from their load reports (topic
 * {@code telehealth.media}): the latest report of each, dropped once older than
 * {@code signaling.media.report-expiry}. An instance whose latest report says it is draining (being
 * scaled down) gets no new room. The least loaded is the one with the fewest participants,
 * then the lowest CPU use (unknown CPU counts as busiest), then the smallest id, so the choice is
 * the same on every signaling instance.
 */
@ApplicationScoped
public class MediaInstances {

    private static final Comparator<Report> LEAST_LOADED = Comparator
            .comparingInt((Report report) -> report.load().participants())
            .thenComparingDouble(report -> report.load().cpuLoad() < 0 ? Double.MAX_VALUE : report.load().cpuLoad())
            .thenComparing(report -> report.load().instanceId());

    private final Map<String, Report> latest = new ConcurrentHashMap<>();
    private final Duration expiry;

    @Inject
    public MediaInstances(SignalingConfig config) {
        this(config.media().reportExpiry());
    }

    MediaInstances(Duration expiry) {
        this.expiry = expiry;
    }

    /**
     * Keeps the report if it is the instance's newest. Its time is the producer's, capped at now,
     * so that reports read again after a restart do not count as fresh. A report whose control URL
     * is no absolute http(s) URL is ignored.
     */
    public void report(MediaInstanceLoad load, Instant occurredAt, Instant now) {
        URI controlUrl = controlUrl(load.controlUrl());
        if (controlUrl == null) {
            return;
        }
        Instant at = occurredAt.isAfter(now) ? now : occurredAt;
        latest.merge(load.instanceId(), new Report(load, controlUrl, at),
                (known, fresh) -> fresh.at().isBefore(known.at()) ? known : fresh);
    }

    /** The least loaded instance, not draining, with a report younger than the expiry, if any. */
    public Optional<MediaInstance> leastLoaded(Instant now) {
        Instant oldest = now.minus(expiry);
        latest.values().removeIf(report -> report.at().isBefore(oldest));
        return latest.values().stream().filter(report -> !report.load().draining()).min(LEAST_LOADED)
                .map(report -> new MediaInstance(report.load().instanceId(), report.controlUrl()));
    }

    /** The latest report of an instance, while it has not expired. */
    public Optional<MediaInstanceLoad> latestOf(String instanceId, Instant now) {
        Report report = latest.get(instanceId);
        return report == null || report.at().isBefore(now.minus(expiry)) ? Optional.empty() : Optional.of(report.load());
    }

    /** The URL if it is an absolute http(s) URL with a host, else null. */
    static URI controlUrl(String value) {
        try {
            URI url = URI.create(value);
            boolean http = "http".equals(url.getScheme()) || "https".equals(url.getScheme());
            return http && url.getHost() != null ? url : null;
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }

    private record Report(MediaInstanceLoad load, URI controlUrl, Instant at) {
    }
}
