package org.telehealth.signaling.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.telehealth.infra.testing.ChromiumBrowser;
import org.telehealth.infra.testing.TestTokens;

/**
 * Admission to first frame (docs/benchmarks.md): how long after the doctor lets a waiting patient
 * in the patient's page shows the doctor's video, through signaling and media-service (the SFU),
 * against the same two Chromium pages connected peer to peer in the same run.
 *
 * <p>Two headless Chromiums with the fake camera, the packaged signaling-service and media-service
 * in their own JVMs, a Kafka broker, all on 127.0.0.1. The doctor is in the call (through the SFU:
 * publishing its camera for a few seconds already); the patient joins with a join link and waits;
 * the doctor admits. The figure runs from the patient page receiving {@code admitted} to the first
 * remote video frame shown on it ({@code requestVideoFrameCallback}); through the SFU the page then
 * does what the visit page does (media.js), peer to peer it offers straight to the doctor's page.
 * Joins alternate in blocks between the two paths, so that the machine's other load falls on both.
 *
 * <p>Not a test of the normal build: its name matches no surefire or failsafe pattern; the
 * {@code benchmark} Maven profile runs it. It fails only when it cannot measure.
 */
@Tag("benchmark")
class SignalingFirstFrameBenchmark {

    private static final int JOINS = Integer.getInteger("benchmark.joins", 20);
    private static final int BLOCK = Integer.getInteger("benchmark.block", 5);
    private static final Path WORK = Path.of(System.getProperty("benchmark.work-dir", "target/benchmark")).toAbsolutePath()
            .resolve("first-frame");
    private static final Path APP = Path.of(System.getProperty("benchmark.app", "target/quarkus-app/quarkus-run.jar"))
            .toAbsolutePath();
    private static final Path MEDIA_APP = Path.of(System.getProperty("benchmark.media-app",
            "../media-service/target/quarkus-app/quarkus-run.jar")).toAbsolutePath();
    private static final Duration FRAME_TIMEOUT = Duration.ofSeconds(20);
    /** How long the doctor publishes through the SFU before a block's first admission. */
    private static final Duration PUBLISHING_BEFORE = Duration.ofSeconds(3);
    /** Between a patient leaving and the next join: the SFU and signaling finish the departure. */
    private static final Duration BETWEEN_JOINS = Duration.ofSeconds(1);
    private static final String DOCTOR = "bench.doctor";
    private static final String RELAY_ROOM = "first-frame";

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void shouldMeasureAdmissionToFirstFrameThroughTheSfuAgainstPeerToPeer() throws Exception {
        if (!ChromiumBrowser.available()) {
            throw new IllegalStateException(
                    "the benchmark needs Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver)");
        }
        long started = System.nanoTime();
        Files.createDirectories(WORK);
        String loadBefore = Machine.loadAverage();
        FirstFrameReport report;
        List<JoinMeasurement> joins = new ArrayList<>();
        try (BenchmarkServices services = BenchmarkServices.start(WORK, APP, MEDIA_APP, ServiceJvm.PLATFORM_JVM_OPTIONS);
                VisitBooking booking = new VisitBooking(services.kafkaBootstrapServers());
                PageServer pages = PageServer.start(services.pagePort(), services.signalingUrl());
                CallPage doctor = CallPage.open(pages.pageUrl());
                CallPage patient = CallPage.open(pages.pageUrl())) {
            VisitBooking.BookedVisit visit = booking.book(List.of(DOCTOR)).get(0);
            Calls calls = new Calls(services, pages, doctor, patient, visit);
            VisitKnownProbe.await(calls.socketUrl, pages.origin(), calls.patientLink(), Duration.ofSeconds(60));
            JsonNode camera = doctor.init();
            patient.init();
            report = new FirstFrameReport(Machine.description(), loadBefore, conditions(camera));
            System.out.println("camera " + camera + "; warming up, then " + JOINS + " joins per path in blocks of " + BLOCK);
            for (String path : List.of("sfu", "p2p")) {
                calls.prepareDoctor(path);
                joins.add(calls.join(path, 0, true));
                System.out.println(FirstFrameReport.progressLine(joins.get(joins.size() - 1)));
            }
            Map<String, Integer> numbers = new HashMap<>();
            for (String path : schedule()) {
                calls.prepareDoctor(path);
                joins.add(calls.join(path, numbers.merge(path, 1, Integer::sum), false));
                System.out.println(FirstFrameReport.progressLine(joins.get(joins.size() - 1)));
            }
        }
        joins.forEach(report::add);
        report.finished();
        String text = report.render();
        System.out.println(text);
        System.out.printf(Locale.ROOT, "benchmark took %.0f s; report in %s%n", (System.nanoTime() - started) / 1e9,
                WORK.resolve("report.txt"));
        Files.writeString(WORK.resolve("report.txt"), text);
        ArrayNode raw = json.createArrayNode();
        for (JoinMeasurement join : joins) {
            ObjectNode entry = raw.addObject().put("path", join.path()).put("number", join.number()).put("warmUp", join.warmUp())
                    .put("admitSent", join.admitSent());
            entry.set("patient", join.patient());
            entry.set("doctor", join.doctor());
        }
        Files.writeString(WORK.resolve("joins.json"), json.writerWithDefaultPrettyPrinter().writeValueAsString(raw));

        assertThat(report.figure("sfu").count()).as("joins through the SFU that showed a frame; see %s", WORK).isEqualTo(JOINS);
        assertThat(report.figure("p2p").count()).as("peer-to-peer joins that showed a frame; see %s", WORK).isEqualTo(JOINS);
    }

    /** The path of each measured join, in order: blocks of {@code BLOCK}, SFU first, alternating. */
    static List<String> schedule() {
        List<String> paths = new ArrayList<>();
        for (int block = 0; block * BLOCK < JOINS; block++) {
            int size = Math.min(BLOCK, JOINS - block * BLOCK);
            paths.addAll(Collections.nCopies(size, "sfu"));
            paths.addAll(Collections.nCopies(size, "p2p"));
        }
        return paths;
    }

    private static String conditions(JsonNode camera) {
        return String.format(Locale.ROOT, "%d joins per path (one warm-up join each before, not counted), in blocks of %d,"
                        + " SFU and peer to peer alternating; camera %dx%d at %.0f fps (Chromium's fake device, the visit page's"
                        + " constraints); %s; signaling-service and media-service JVMs %s; T0 = the patient page receives"
                        + " `admitted`; first frame = requestVideoFrameCallback on the remote <video> (presentationTime),"
                        + " cross-checked by getStats framesDecoded > 0 read every 10 ms",
                JOINS, BLOCK, camera.path("width").asInt(), camera.path("height").asInt(), camera.path("frameRate").asDouble(),
                camera.path("userAgent").asText().replaceAll(".*(HeadlessChrome/\\S+).*", "$1"),
                String.join(" ", ServiceJvm.PLATFORM_JVM_OPTIONS));
    }

    /** The two pages in the one visit, and how a join of either path goes. */
    private static final class Calls {

        private final BenchmarkServices services;
        private final PageServer pages;
        private final CallPage doctor;
        private final CallPage patient;
        private final VisitBooking.BookedVisit visit;
        private final String socketUrl;
        private String doctorPath;

        Calls(BenchmarkServices services, PageServer pages, CallPage doctor, CallPage patient, VisitBooking.BookedVisit visit) {
            this.services = services;
            this.pages = pages;
            this.doctor = doctor;
            this.patient = patient;
            this.visit = visit;
            this.socketUrl = services.socketUrl(visit.visitId());
        }

        String patientLink() {
            return services.links().forPatient(visit.patientId(), visit.visitId());
        }

        /**
         * The doctor joins afresh for a block: through the SFU publishing (and waits until its media
         * is connected and sent, then a little more: the layers Chromium sends depend on its CPU and
         * bandwidth estimate, as in a real call), or peer to peer listening for offers.
         */
        void prepareDoctor(String path) throws Exception {
            if (path.equals(doctorPath)) {
                return;
            }
            doctor.leave();
            Thread.sleep(BETWEEN_JOINS.toMillis());
            doctor.joinAsDoctor(socketUrl, TestTokens.forUser(DOCTOR, "doctor"), path.equals("sfu"));
            if (path.equals("sfu")) {
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                JsonNode publishing = doctor.publishing();
                while (!(publishing.path("connectionState").asText().equals("connected")
                        && publishing.path("layers").path("q").path("framesEncoded").asLong() > 0)) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("the doctor's page did not publish through the SFU: " + publishing);
                    }
                    Thread.sleep(200);
                    publishing = doctor.publishing();
                }
                Thread.sleep(PUBLISHING_BEFORE.toMillis());
                System.out.println("  doctor publishing through the SFU: " + doctor.publishing());
            } else {
                doctor.listenForPeers(pages.relayUrl(RELAY_ROOM, "doctor"));
            }
            doctorPath = path;
        }

        JoinMeasurement join(String path, int number, boolean warmUp) throws Exception {
            String patientId = visit.patientId().toString();
            patient.joinAsPatient(socketUrl, patientLink(), path, pages.relayUrl(RELAY_ROOM, "patient"));
            doctor.awaitWaiting(patientId);
            Thread.sleep(300);
            double admitSent = doctor.admit(patientId);
            JsonNode result = patient.result(FRAME_TIMEOUT);
            Thread.sleep(100); // the doctor's stats are read every 10 ms
            JsonNode sender = doctor.senderReport();
            patient.leave();
            if (path.equals("p2p")) {
                doctor.endPeer();
            }
            Thread.sleep(BETWEEN_JOINS.toMillis());
            return new JoinMeasurement(path, number, warmUp, admitSent, result, sender);
        }
    }
}
