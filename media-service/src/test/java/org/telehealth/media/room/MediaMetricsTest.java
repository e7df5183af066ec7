package org.telehealth.media.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.telehealth.media.room.DoctorAndPatient.CAMERA;
import static org.telehealth.media.room.DoctorAndPatient.VP8;
import static org.telehealth.media.room.DoctorAndPatient.rtp;

import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.telehealth.media.rtcp.SenderReport;

/** The media path's counters as Prometheus reads them from {@code /q/metrics}. */
class MediaMetricsTest {

    private final DoctorAndPatient visit = new DoctorAndPatient();
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    @Test
    void shouldExportTheForwardersCountersAndTheRoomsHeld() {
        MediaMetrics.bind(registry, visit.forwarder, () -> 1, () -> 2);
        visit.fromDoctor(rtp(CAMERA, VP8, 100, 0, 1));
        visit.fromDoctor(rtp(CAMERA, VP8, 102, 0, 2));
        visit.fromDoctor(rtp(0xDEAD_BEEFL, VP8, 1, 0, 3));
        visit.fromDoctor(new byte[] {(byte) 0x80, 96});
        visit.rtcpFromDoctor(List.of(new SenderReport(CAMERA, 0, 0, 0, 0, List.of())));
        visit.forwarder.sendTransportFeedback(visit.doctor);
        visit.forwarder.sendReceiverReport(visit.doctor);

        String scraped = registry.scrape();

        assertThat(sample(scraped, "media_forwarded_packets_total")).isEqualTo(2);
        assertThat(sample(scraped, "media_upstream_nacks_total")).isEqualTo(1);
        assertThat(sample(scraped, "media_dropped_packets_total{reason=\"malformed\"}")).isEqualTo(1);
        assertThat(sample(scraped, "media_dropped_packets_total{reason=\"unknown-stream\"}")).isEqualTo(1);
        assertThat(sample(scraped, "media_transport_cc_feedback_total")).isEqualTo(1);
        assertThat(sample(scraped, "media_receiver_reports_total")).isEqualTo(1);
        assertThat(sample(scraped, "media_sender_reports_relayed_total")).isEqualTo(1);
        assertThat(sample(scraped, "media_retransmissions_total{format=\"rtx\"}")).isZero();
        assertThat(sample(scraped, "media_retransmissions_total{format=\"plain\"}")).isZero();
        assertThat(sample(scraped, "media_nacks_received_total")).isZero();
        assertThat(sample(scraped, "media_nacks_ignored_total")).isZero();
        assertThat(sample(scraped, "media_rtx_recovered_total")).isZero();
        assertThat(sample(scraped, "media_duplicates_dropped_total")).isZero();
        assertThat(sample(scraped, "media_layer_targets_total")).isZero();
        assertThat(sample(scraped, "media_rooms")).isEqualTo(1);
        assertThat(sample(scraped, "media_participants")).isEqualTo(2);
    }

    /**
     * The value of one sample of the Prometheus text format, named as {@code name{label="value"}};
     * the client may end the labels with a comma.
     */
    static double sample(String scraped, String series) {
        for (String line : scraped.split("\n")) {
            int space = line.lastIndexOf(' ');
            if (!line.startsWith("#") && space > 0 && line.substring(0, space).replace(",}", "}").equals(series)) {
                return Double.parseDouble(line.substring(space + 1));
            }
        }
        throw new AssertionError("no sample " + series + " in\n" + scraped);
    }
}
