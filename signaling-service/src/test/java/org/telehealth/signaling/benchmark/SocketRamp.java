package org.telehealth.signaling.benchmark;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.telehealth.infra.testing.MachineCpuTime;
import org.telehealth.infra.testing.ProcessCpuTime;

/**
 * The load generator of SignalingConnectionsBenchmark: books visits, joins them (32 at a time),
 * keeps their traffic going, and measures windows of it against the signaling instance, with the
 * CPU of signaling, of this JVM and of everything else meanwhile.
 */
final class SocketRamp implements AutoCloseable {

    private static final int JOINING_AT_ONCE = 32;
    /** Doctors of the visits: each holds many visits at once (rooms are per visit), so that few tokens are signed. */
    static final int DOCTORS = 50;

    private final BenchmarkServices services;
    private final VisitBooking booking;
    private final long chatEveryMillis;
    private final long pingEveryMillis;
    private final Vertx vertx = Vertx.vertx();
    private final WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(1_000_000)
            .setConnectTimeout(10_000));
    private final ExecutorService joining = Executors.newFixedThreadPool(JOINING_AT_ONCE);
    private final LoadTraffic traffic = new LoadTraffic();
    private final DoctorTokens doctors = new DoctorTokens();
    private final List<LoadVisit> visits = new ArrayList<>();
    private int tag;

    /** What adding visits for a step took. */
    record Joined(int visits, int failed, double seconds) {

        double socketsPerSecond() {
            return 2.0 * (visits + failed) / seconds;
        }
    }

    SocketRamp(BenchmarkServices services, VisitBooking booking, long chatEveryMillis, long pingEveryMillis) {
        this.services = services;
        this.booking = booking;
        this.chatEveryMillis = chatEveryMillis;
        this.pingEveryMillis = pingEveryMillis;
    }

    int sockets() {
        return 2 * visits.size();
    }

    /** Books and joins visits until {@code sockets} are open, and starts their traffic. */
    Joined growTo(int sockets) throws Exception {
        long start = System.nanoTime();
        ServiceJvm signaling = services.signaling();
        double signalingBefore = signaling.cpuSeconds();
        AtomicInteger retries = new AtomicInteger();
        List<VisitBooking.BookedVisit> booked = booking.book(IntStream.range(visits.size(), sockets / 2)
                .mapToObj(i -> "load.doctor." + i % DOCTORS).toList());
        if (booked.isEmpty()) {
            return new Joined(0, 0, 0);
        }
        VisitBooking.BookedVisit last = booked.get(booked.size() - 1);
        VisitKnownProbe.await(services.socketUrl(last.visitId()), services.pageOrigin(),
                services.links().forPatient(last.patientId(), last.visitId()), Duration.ofSeconds(60));
        List<Future<LoadVisit>> joined = new ArrayList<>();
        for (VisitBooking.BookedVisit visit : booked) {
            joined.add(joining.submit(() -> LoadVisit.join(client, services, visit, doctors, traffic, retries)));
        }
        int failed = 0;
        for (Future<LoadVisit> visit : joined) {
            try {
                LoadVisit inCall = visit.get(2, TimeUnit.MINUTES);
                inCall.startTraffic(chatEveryMillis, pingEveryMillis);
                visits.add(inCall);
            } catch (Exception e) {
                if (++failed == 1) {
                    System.out.println("  a visit failed to join: " + e);
                }
            }
        }
        Joined result = new Joined(booked.size() - failed, failed, (System.nanoTime() - start) / 1e9);
        System.out.printf(Locale.ROOT, "  %d visits joined in %.1f s (%.0f sockets/s, signaling %.2f cores; %d hellos said again: the"
                        + " visit was not read from Kafka yet); load %s%n", result.visits(), result.seconds(), result.socketsPerSecond(),
                (signaling.cpuSeconds() - signalingBefore) / result.seconds(), retries.get(), Machine.loadAverage());
        return result;
    }

    /** One window: traffic tagged for {@code measureMillis}, deliveries counted {@code graceMillis} longer. */
    ConnectionStep measure(String label, Joined joined, long measureMillis, long graceMillis) throws InterruptedException {
        ServiceJvm signaling = services.signaling();
        double signalingBefore = signaling.cpuSeconds();
        double generatorBefore = ProcessCpuTime.ofThisJvm();
        double machineBefore = MachineCpuTime.now().busySeconds();
        Instant from = Instant.now();
        long start = System.nanoTime();
        traffic.open(++tag);
        Thread.sleep(measureMillis);
        traffic.stopSending();
        double seconds = (System.nanoTime() - start) / 1e9;
        double signalingCpu = signaling.cpuSeconds() - signalingBefore;
        double generatorCpu = ProcessCpuTime.ofThisJvm() - generatorBefore;
        double machineCpu = MachineCpuTime.now().busySeconds() - machineBefore;
        Instant to = Instant.now();
        Thread.sleep(graceMillis);
        traffic.close();
        return new ConnectionStep(label, sockets(), joined.seconds(), joined.failed(), traffic.chatsSent(), traffic.chatMillis(),
                traffic.pingsSent(), traffic.pongMillis(), signalingCpu / seconds, generatorCpu / seconds,
                Math.max(0, machineCpu - signalingCpu - generatorCpu) / seconds, signaling.gcPausesBetween(from, to), -1,
                Machine.loadAverage());
    }

    /** Why the ramp should not go on to {@code sockets}, if it should not. */
    static Optional<String> reasonToStop(int sockets, double elapsedMillis, double stepMillis, long budgetMillis, long idleHeap,
            double heapPerSocket, long maxHeap) {
        if (elapsedMillis + stepMillis > budgetMillis) {
            return Optional.of(String.format(Locale.ROOT, "%,d sockets would end past the time budget of %d s", sockets,
                    budgetMillis / 1000));
        }
        if (sockets + 1_000 > Machine.openFilesLimit()) {
            return Optional.of(String.format(Locale.ROOT, "%,d sockets would not fit the open-files limit (%d)", sockets,
                    Machine.openFilesLimit()));
        }
        double heapNeeded = idleHeap + heapPerSocket * sockets;
        if (maxHeap > 0 && heapNeeded > 0.85 * maxHeap) {
            return Optional.of(String.format(Locale.ROOT, "%,d sockets would need about %.0f MB of live heap, over 85%% of signaling's"
                    + " %d MB", sockets, heapNeeded / 1e6, maxHeap / 1_000_000));
        }
        return Optional.empty();
    }

    @Override
    public void close() throws Exception {
        visits.forEach(LoadVisit::close);
        joining.shutdownNow();
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
