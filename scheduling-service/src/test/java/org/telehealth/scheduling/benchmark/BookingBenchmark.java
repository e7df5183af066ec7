package org.telehealth.scheduling.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.telehealth.infra.kafka.KafkaBroker;
import org.telehealth.infra.postgres.DatabaseProvisioner;
import org.telehealth.infra.postgres.PostgresEndpoint;
import org.telehealth.infra.postgres.PostgresServer;
import org.telehealth.infra.testing.FreePorts;
import org.telehealth.infra.testing.TestTokens;

/**
 * Bookings per second and their latency through the whole service (HTTP, token check, Hibernate
 * Reactive, the exclusion constraint, the outbox row) with 64 concurrent clients on distinct slots,
 * against the same PostgreSQL taking the equivalent bare INSERTs from 64 JDBC connections, measured
 * in the same run. Ends by checking that the database holds no overlapping active appointments.
 *
 * <p>Run: {@code ./mvnw -pl scheduling-service -am verify -Pbenchmark}. Figures go to the console and
 * to {@code scheduling-service/target/benchmark/report.txt}; docs/benchmarks.md records a run.
 */
@Tag("benchmark")
class BookingBenchmark {

    private static final int CLIENTS = Integer.getInteger("benchmark.clients", 64);
    private static final int WARMUP_PER_CLIENT = Integer.getInteger("benchmark.warmup-per-client", 200);
    private static final int BOOKINGS_PER_CLIENT = Integer.getInteger("benchmark.bookings-per-client", 150);
    private static final Path WORK = Path.of(System.getProperty("benchmark.work-dir", "target/benchmark")).toAbsolutePath();
    private static final Path APP = Path.of(System.getProperty("benchmark.app", "target/quarkus-app/quarkus-run.jar")).toAbsolutePath();
    private static final String USER = "scheduling";
    private static final String PASSWORD = "benchmark-only";

    private final AtomicInteger slot = new AtomicInteger();
    private final Instant firstDay = Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS);

    @Test
    void measureBookingsAgainstBareInserts() throws Exception {
        Files.createDirectories(WORK);
        try (PostgresServer postgres = PostgresServer.start(WORK.resolve("postgres-" + UUID.randomUUID()), 0,
                Path.of(System.getProperty("java.io.tmpdir"), "telehealth-pg-binaries"), WORK.resolve("postgres.log"));
                KafkaBroker kafka = KafkaBroker.start(WORK.resolve("kafka-" + UUID.randomUUID()), FreePorts.next(), FreePorts.next(),
                        WORK.resolve("kafka.log"))) {
            PostgresEndpoint endpoint = postgres.endpoint();
            new DatabaseProvisioner(endpoint).ensureDatabase("scheduling", USER, PASSWORD);
            try (SchedulingProcess service = SchedulingProcess.start(APP, FreePorts.next(), Map.of(
                    "quarkus.datasource.username", USER,
                    "quarkus.datasource.password", PASSWORD,
                    "quarkus.datasource.jdbc.url", endpoint.jdbcUrl("scheduling"),
                    "quarkus.datasource.reactive.url", endpoint.reactiveUrl("scheduling"),
                    "kafka.bootstrap.servers", kafka.bootstrapServers(),
                    "quarkus.oidc.auth-server-url", "",
                    "quarkus.oidc.public-key", TestTokens.publicKeyBase64(),
                    "quarkus.oidc.token.issuer", TestTokens.ISSUER,
                    "scheduling.portal.auth-server-url", TestTokens.ISSUER,
                    "quarkus.mailer.mock", "true"), WORK.resolve("scheduling-service.log"))) {
                String jdbcUrl = endpoint.jdbcUrl("scheduling");
                UUID patient = registerPatient(service);

                runBookings(service, patient, WARMUP_PER_CLIENT);
                double cpuBefore = cpuSeconds(service.pid());
                Phase api = runBookings(service, patient, BOOKINGS_PER_CLIENT);
                double serviceCpu = cpuSeconds(service.pid()) - cpuBefore;

                runInserts(jdbcUrl, patient, WARMUP_PER_CLIENT);
                Phase inserts = runInserts(jdbcUrl, patient, BOOKINGS_PER_CLIENT);

                long overlaps = overlappingActiveAppointments(jdbcUrl);
                String report = report(api, inserts, serviceCpu, overlaps);
                System.out.println(report);
                Files.writeString(WORK.resolve("report.txt"), report);

                assertThat(api.failures()).as("failed bookings").isZero();
                assertThat(overlaps).as("double bookings").isZero();
            }
        }
    }

    /** Each client is a doctor booking distinct slots in their own calendar, one request at a time. */
    private Phase runBookings(SchedulingProcess service, UUID patient, int perClient) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        return runClients(client -> {
            String token = TestTokens.forUser("bench.doctor." + client, "doctor");
            return () -> {
                Instant start = nextSlot();
                String body = "{\"patientId\":\"" + patient + "\",\"startsAt\":\"" + start + "\",\"durationMinutes\":15}";
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/appointments"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
                return response.statusCode() == 201;
            };
        }, perClient);
    }

    /** The baseline: the same rows written straight into the same table, one autocommitted INSERT each. */
    private Phase runInserts(String jdbcUrl, UUID patient, int perClient) throws Exception {
        List<Connection> connections = new ArrayList<>();
        try {
            return runClients(client -> {
                Connection connection = DriverManager.getConnection(jdbcUrl, USER, PASSWORD);
                synchronized (connections) {
                    connections.add(connection);
                }
                PreparedStatement insert = connection.prepareStatement("insert into appointment (id, doctor_id, patient_id, "
                        + "starts_at, ends_at, status, created_at, updated_at) values (?, ?, ?, ?, ?, 'SCHEDULED', now(), now())");
                String doctor = "bench.sql.doctor." + client;
                return () -> {
                    Instant start = nextSlot();
                    insert.setObject(1, UUID.randomUUID());
                    insert.setString(2, doctor);
                    insert.setObject(3, patient);
                    insert.setTimestamp(4, Timestamp.from(start));
                    insert.setTimestamp(5, Timestamp.from(start.plus(15, ChronoUnit.MINUTES)));
                    return insert.executeUpdate() == 1;
                };
            }, perClient);
        } finally {
            for (Connection connection : connections) {
                connection.close();
            }
        }
    }

    private Phase runClients(ClientFactory factory, int perClient) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<ClientResult>> results = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            results.add(pool.submit(() -> {
                Callable<Boolean> request = factory.create(client);
                LatencySamples samples = new LatencySamples();
                int failures = 0;
                go.await();
                for (int i = 0; i < perClient; i++) {
                    long begin = System.nanoTime();
                    boolean ok = request.call();
                    samples.add(System.nanoTime() - begin);
                    failures += ok ? 0 : 1;
                }
                return new ClientResult(samples, failures);
            }));
        }
        long begin = System.nanoTime();
        go.countDown();
        List<LatencySamples> samples = new ArrayList<>();
        int failures = 0;
        for (Future<ClientResult> result : results) {
            samples.add(result.get().samples());
            failures += result.get().failures();
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        pool.shutdown();
        LatencySamples all = LatencySamples.merge(samples);
        return new Phase(all.count(), failures, seconds, all.percentileMillis(50), all.percentileMillis(99));
    }

    private Instant nextSlot() {
        // every client takes the next 15-minute slot of a shared sequence: distinct for each doctor
        return firstDay.plus(15L * slot.getAndIncrement(), ChronoUnit.MINUTES);
    }

    private static UUID registerPatient(SchedulingProcess service) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(service.baseUrl() + "/api/patients"))
                .header("Authorization", "Bearer " + TestTokens.forUser("bench.admin", "admin"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"fullName\":\"Benchmark Patient\",\"dateOfBirth\":\"1980-01-01\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        String body = response.body();
        int at = body.indexOf("\"id\":\"") + 6;
        return UUID.fromString(body.substring(at, body.indexOf('"', at)));
    }

    private static long overlappingActiveAppointments(String jdbcUrl) throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, USER, PASSWORD);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select count(*) from appointment a join appointment b "
                        + "on a.doctor_id = b.doctor_id and a.id < b.id "
                        + "and tstzrange(a.starts_at, a.ends_at) && tstzrange(b.starts_at, b.ends_at) "
                        + "where a.status in ('SCHEDULED', 'WAITING', 'IN_PROGRESS') "
                        + "and b.status in ('SCHEDULED', 'WAITING', 'IN_PROGRESS')")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** utime + stime of a process, from /proc (Linux), in seconds. */
    private static double cpuSeconds(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    private static String report(Phase api, Phase inserts, double serviceCpuSeconds, long overlaps) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%nscheduling-service booking benchmark: %d clients, %d cores (%s)%n",
                CLIENTS, Runtime.getRuntime().availableProcessors(), System.getProperty("os.arch")));
        out.append(String.format(Locale.ROOT, "%-28s %10s %12s %9s %9s %9s%n", "phase", "requests", "per second", "p50 ms",
                "p99 ms", "failed"));
        out.append(row("bookings via the API", api));
        out.append(row("bare INSERTs (baseline)", inserts));
        out.append(String.format(Locale.ROOT, "ratio API/baseline throughput: %.2f; p99 %.1f ms (target < 50 ms: %s)%n",
                api.perSecond() / inserts.perSecond(), api.p99(), api.p99() < 50 ? "met" : "NOT met"));
        out.append(String.format(Locale.ROOT, "service CPU: %.2f cores busy during the API phase, %.2f ms CPU per booking%n",
                serviceCpuSeconds / api.seconds(), serviceCpuSeconds * 1000 / api.requests()));
        out.append(String.format(Locale.ROOT, "overlapping active appointments in the database: %d%n", overlaps));
        return out.toString();
    }

    private static String row(String name, Phase phase) {
        return String.format(Locale.ROOT, "%-28s %10d %12.0f %9.1f %9.1f %9d%n", name, phase.requests(), phase.perSecond(),
                phase.p50(), phase.p99(), phase.failures());
    }

    @FunctionalInterface
    private interface ClientFactory {
        Callable<Boolean> create(int client) throws Exception;
    }

    private record ClientResult(LatencySamples samples, int failures) {
    }

    private record Phase(int requests, int failures, double seconds, double p50, double p99) {

        double perSecond() {
            return requests / seconds;
        }
    }
}
