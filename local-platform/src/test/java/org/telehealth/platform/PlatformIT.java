package org.telehealth.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.telehealth.infra.testing.ChromiumBrowser;
import org.telehealth.infra.testing.VisitPageDriver;
import org.telehealth.platform.keycloak.KeycloakLogin;

/**
 * Runs {@code ./telehealth up} as a user would, from the built repo, and checks what the README
 * promises: the READY line, every service ready, Keycloak tokens with the demo users' roles, Kafka
 * delivering a record, a clean stop that leaves no process behind, and data kept across a restart;
 * then, on the restarted platform (with a second signaling instance), a doctor using the portal in a
 * real Chromium with the real Keycloak, and a visit lived through by doctor and patient, first on one
 * signaling instance, then with each on their own.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformIT {

    private static final Path REPO = Path.of(System.getProperty("telehealth.repo", "..")).toAbsolutePath().normalize();
    private static final Duration START_TIMEOUT = Duration.ofMinutes(6);
    private static final int PORT_OFFSET = 1000;
    private static final Ports PORTS = Ports.withOffset(PORT_OFFSET);
    private static final String PROBE_TOPIC = "platform-it-probe";

    /** The platform after the first test's restart: the portal test uses it, then stops it. */
    private static RunningPlatform restarted;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    @Order(1)
    void shouldRunTheWholePlatformStopCleanlyAndKeepItsDataAcrossARestart() throws Exception {
        Path data = Files.createTempDirectory(REPO.resolve("local-platform/target"), "platform-it-");
        String probe = "probe-" + UUID.randomUUID();

        try (RunningPlatform platform = RunningPlatform.start(data)) {
            Map<String, String> ready = platform.urls();
            assertThat(ready.keySet()).containsExactly("scheduling", "signaling", "media", "recording", "keycloak", "kafka");
            for (String service : List.of("scheduling", "signaling", "media", "recording")) {
                HttpResponse<String> health = get(ready.get(service) + "/q/health/ready", null);
                assertThat(health.statusCode()).as(service).isEqualTo(200);
                assertThat(json.readTree(health.body()).path("status").asText()).as(service).isEqualTo("UP");
            }

            String doctorToken = login(ready, "doctor.alice");
            assertThat(realmRoles(doctorToken)).contains("doctor").doesNotContain("admin", "patient");
            JsonNode me = json.readTree(get(ready.get("scheduling") + "/api/me", doctorToken).body());
            assertThat(me.path("username").asText()).isEqualTo("doctor.alice");
            assertThat(me.path("roles").toString()).isEqualTo("[\"doctor\"]");
            assertThat(realmRoles(login(ready, "patient.carol"))).contains("patient").doesNotContain("doctor");
            assertThat(get(ready.get("scheduling") + "/api/me", null).statusCode()).isEqualTo(401);

            produce(ready.get("kafka"), probe);
            assertThat(consume(ready.get("kafka"), "first-" + probe)).contains(probe);

            try (Connection db = DriverManager.getConnection("jdbc:postgresql://localhost:" + PORTS.postgres() + "/scheduling",
                    "scheduling", "scheduling-demo-only"); Statement s = db.createStatement()) {
                s.execute("create table if not exists platform_it_probe(value text)");
                s.execute("insert into platform_it_probe values ('" + probe + "')");
            }

            List<ProcessHandle> tree = platform.processTree();
            assertThat(tree).hasSizeGreaterThanOrEqualTo(6); // Keycloak, Kafka, four services
            int exit = platform.stop();

            assertThat(exit).as("exit code after SIGTERM").isIn(0, 130, 143);
            assertThat(tree).allSatisfy(p -> assertThat(p.isAlive()).as("process " + p.pid() + " " + p.info().command()).isFalse());
            assertThat(Files.exists(data.resolve("postgres/postmaster.pid"))).as("PostgreSQL stopped").isFalse();
            assertThat(listening(PORTS.postgres())).isFalse();
            assertThat(platform.output()).contains("stopped");
        }

        // Left running for the portal and journey tests, the last of which stops it (or stopThePlatform() does);
        // with a second signaling instance this time, for the journey across two instances.
        restarted = RunningPlatform.start(data, Map.of("TELEHEALTH_SIGNALING_INSTANCES", "2"));
        Map<String, String> ready = restarted.urls();
        assertThat(ready).containsKey("signaling-2");
        assertThat(get(ready.get("signaling-2") + "/q/health/ready", null).statusCode()).isEqualTo(200);
        assertThat(consume(ready.get("kafka"), "second-" + probe)).contains(probe);
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://localhost:" + PORTS.postgres() + "/scheduling",
                "scheduling", "scheduling-demo-only"); Statement s = db.createStatement();
                ResultSet rows = s.executeQuery("select value from platform_it_probe")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo(probe);
        }
        assertThat(realmRoles(login(ready, "doctor.bob"))).contains("doctor");
    }

    @Test
    @Order(2)
    void shouldLetADoctorSignInThroughKeycloakAndManageVisitsInThePortal() throws Exception {
        try {
            assumeTrue(restarted != null, "the first test left a running platform");
            assumeTrue(ChromiumBrowser.available(), "Debian's chromium and chromium-driver are installed");
            Map<String, String> ready = restarted.urls();
            try (ChromiumBrowser browser = ChromiumBrowser.start()) {
                try {
                    usePortal(new DoctorPortalPage(browser, ready.get("scheduling") + "/portal/", ready.get("keycloak")), ready);
                } catch (Exception | AssertionError e) {
                    Files.write(REPO.resolve("local-platform/target/portal-failure.png"), browser.screenshot());
                    throw e;
                }
            }
        } catch (Exception | AssertionError e) {
            stopThePlatform();
            throw e;
        }
    }

    /**
     * The visit as its two people live it, everything real (Keycloak, Kafka, PostgreSQL, the SFU):
     * the doctor signs in and opens today's visit; the patient opens their link, checks devices and
     * waits; the doctor admits; each page decodes the other's video and receives their audio; a chat
     * line arrives; the patient's socket drops and comes back into the same call, media still
     * flowing; the doctor ends the visit and scheduling shows it completed.
     */
    @Test
    @Order(3)
    void shouldTakeThePatientFromTheLinkThroughTheWaitingRoomIntoACallWithTheDoctor() throws Exception {
        assumeTrue(restarted != null, "the first test left a running platform");
        assumeTrue(ChromiumBrowser.available(), "Debian's chromium and chromium-driver are installed");
        Map<String, String> ready = restarted.urls();
        bookAndLiveThroughAVisit(ready, ready.get("signaling"));
    }

    /** The same journey with the doctor's page on the first signaling instance and the patient's on the second. */
    @Test
    @Order(4)
    void shouldCarryTheSameJourneyWithTheDoctorAndThePatientOnTwoSignalingInstances() throws Exception {
        try {
            assumeTrue(restarted != null, "the first test left a running platform");
            assumeTrue(ChromiumBrowser.available(), "Debian's chromium and chromium-driver are installed");
            Map<String, String> ready = restarted.urls();
            bookAndLiveThroughAVisit(ready, ready.get("signaling-2"));
        } finally {
            stopThePlatform();
        }
    }

    /**
     * doctor.bob books a visit for a new patient, lives through it with the patient (whose link is
     * opened on {@code patientSignaling}, the instance that serves the patient's page and socket),
     * and scheduling then shows it completed.
     */
    private void bookAndLiveThroughAVisit(Map<String, String> ready, String patientSignaling) throws Exception {
        String doctorToken = login(ready, "doctor.bob");
        String patientId = json.readTree(post(ready.get("scheduling") + "/api/patients", doctorToken,
                "{\"fullName\":\"Journey Patient\",\"dateOfBirth\":\"1975-09-30\"}").body()).path("id").asText();
        String startsAt = Instant.now().plus(Duration.ofMinutes(2)).truncatedTo(ChronoUnit.MINUTES).toString();
        String visit = json.readTree(post(ready.get("scheduling") + "/api/appointments", doctorToken,
                "{\"patientId\":\"" + patientId + "\",\"startsAt\":\"" + startsAt + "\",\"durationMinutes\":30}").body())
                .path("id").asText();
        String issuedLink = json.readTree(get(ready.get("scheduling") + "/api/appointments/" + visit + "/join-link",
                doctorToken).body()).path("url").asText();
        assertThat(issuedLink).startsWith(ready.get("signaling") + "/visit/");
        String patientLink = patientSignaling + issuedLink.substring(ready.get("signaling").length());

        ChromiumBrowser doctorBrowser = ChromiumBrowser.start();
        try (VisitPageDriver doctor = VisitPageDriver.in(doctorBrowser, "doctor");
                VisitPageDriver patient = VisitPageDriver.start("patient")) {
            try {
                journey(new DoctorPortalPage(doctorBrowser, ready.get("scheduling") + "/portal/", ready.get("keycloak")),
                        doctor, patient, visit, patientLink);
            } catch (Exception | AssertionError e) {
                doctor.screenshot("journey");
                patient.screenshot("journey");
                throw e;
            }
        }
        assertThat(awaitAppointmentStatus(ready, doctorToken, visit, "COMPLETED")).isEqualTo("COMPLETED");
    }

    private void journey(DoctorPortalPage portal, VisitPageDriver doctor, VisitPageDriver patient, String visit,
            String patientLink) throws Exception {
        portal.open();
        assertThat(portal.signIn("doctor.bob", "demo")).isNotBlank();
        assertThat(portal.visitText(visit)).contains("Journey Patient");
        doctor.open(portal.openVisitHref(visit));
        doctor.checkDevices();
        doctor.click("#join");
        doctor.awaitView("call");

        patient.open(patientLink);
        patient.checkDevices();
        patient.click("#join");
        patient.awaitView("waiting");

        doctor.await("return document.querySelectorAll('#waiting-list .waiting-item').length === 1;");
        doctor.click("#waiting-list button[data-action='admit']");
        patient.awaitView("call");

        awaitMediaFrom(patient, "Doctor");
        awaitMediaFrom(doctor, "Patient");

        patient.click("#toggle-chat");
        patient.type("#chat-input", "Hello doctor, I can see you.");
        patient.click("#chat-form button[type='submit']");
        doctor.await("return [...document.querySelectorAll('#chat-log .chat-text')].some(e => e.textContent === arguments[0]);",
                "Hello doctor, I can see you.");

        // The patient's network drops: the socket comes back and resumes the same participant, no new admission.
        long framesBefore = framesDecoded(patient);
        patient.execute("window.telehealthVisit.dropConnection();");
        patient.await("const s = window.telehealthVisit.state; return s.socket.reconnects >= 1 && s.socket.open"
                + " && s.phase === 'call';");
        assertThat(doctor.execute("return document.querySelectorAll('#waiting-list .waiting-item').length;").asInt())
                .as("the patient did not wait again").isZero();
        patient.await("return window.telehealthVisit.getStats().then(s => s.received.video.framesDecoded > arguments[0]);",
                framesBefore + 30);
        awaitMediaFrom(doctor, "Patient");

        doctor.click("#end-visit");
        doctor.click("#confirm-end");
        assertThat(doctor.awaitNotice()).isEqualTo("You ended the visit");
        assertThat(patient.awaitNotice()).isEqualTo("The visit has ended");
    }

    /** Waits until the page decodes video and receives audio samples from the other participant, both growing. */
    private static void awaitMediaFrom(VisitPageDriver page, String otherLabel) throws Exception {
        page.await("return window.telehealthVisit.state.media.remote.some(r => r.kinds.includes('video'));");
        long frames = framesDecoded(page);
        long samples = page.execute("return window.telehealthVisit.getStats().then(s => s.received.audio.samples);").asLong();
        page.await("return window.telehealthVisit.getStats().then(s => s.received.video.framesDecoded > arguments[0] + 30"
                + " && s.received.audio.samples > arguments[1] + 48000);", frames, samples);
        assertThat(page.tileLabels()).contains(otherLabel);
    }

    private static long framesDecoded(VisitPageDriver page) throws Exception {
        return page.execute("return window.telehealthVisit.getStats().then(s => s.received.video.framesDecoded);").asLong();
    }

    private String awaitAppointmentStatus(Map<String, String> ready, String token, String visit, String expected) throws Exception {
        String status = null;
        for (Instant deadline = Instant.now().plusSeconds(30); Instant.now().isBefore(deadline); Thread.sleep(500)) {
            status = json.readTree(get(ready.get("scheduling") + "/api/appointments/" + visit, token).body()).path("status").asText();
            if (expected.equals(status)) {
                break;
            }
        }
        return status;
    }

    private void usePortal(DoctorPortalPage portal, Map<String, String> ready) throws Exception {
        portal.open();
        assertThat(portal.signIn("doctor.alice", "demo")).contains("Alice");
        portal.allowClipboard();
        if (portal.asksForWeeklyHours()) {
            portal.saveSuggestedWeeklyHours();
        }

        String patient = "Portal Patient " + UUID.randomUUID().toString().substring(0, 8);
        portal.registerPatient(patient, "1980-04-12");
        String visit = portal.bookFirstFreeTime("Follow-up of the blood test");
        assertThat(portal.visitText(visit)).contains(patient, "Follow-up of the blood test", "Scheduled");

        String bookedAt = portal.startOf(visit);
        assertThat(portal.rescheduleToLastFreeTime(visit)).isNotEqualTo(bookedAt).isEqualTo(portal.startOf(visit));
        DoctorPortalPage.CopiedLink copied = portal.copyPatientLink(visit);
        String link = ready.get("signaling") + "/visit/" + visit + "#t=";
        assertThat(copied.confirmation()).startsWith("Patient link copied.");
        assertThat(copied.shownLink()).startsWith(link);
        assertThat(copied.clipboard()).isEqualTo(copied.shownLink());
        DoctorPortalPage.CopiedLink guest = portal.inviteGuest(visit);
        assertThat(guest.confirmation()).startsWith("Guest link copied.");
        assertThat(guest.shownLink()).startsWith(link).isNotEqualTo(copied.shownLink());
        assertThat(guest.clipboard()).isEqualTo(guest.shownLink());

        // The patient enters the waiting room: signaling will record it; here the database does.
        setStatus(visit, "WAITING");
        assertThat(portal.awaitStatus(visit, "WAITING")).contains("In the waiting room");
        assertThat(portal.awaitAnnouncement(patient)).contains(patient + " is in the waiting room");

        portal.choosePatient(patient);
        String second = portal.bookFirstFreeTime(null);
        assertThat(second).isNotEqualTo(visit);
        portal.cancel(second, "Booked twice");
        assertThat(portal.awaitStatus(second, "CANCELLED")).contains("Cancelled");
        assertThat(portal.awaitStatus(visit, "WAITING")).contains("In the waiting room");

        assertThat(portal.signOut()).isEqualTo("You have signed out.");
        portal.clickSignIn();
        portal.awaitKeycloakLoginPage(); // Keycloak's session ended too: no silent sign-in
    }

    private void setStatus(String visit, String status) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://localhost:" + PORTS.postgres() + "/scheduling",
                "scheduling", "scheduling-demo-only");
                PreparedStatement update = db.prepareStatement("update appointment set status = ? where id = ?::uuid")) {
            update.setString(1, status);
            update.setString(2, visit);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    @AfterAll
    static void stopThePlatform() {
        if (restarted != null) {
            restarted.close();
            restarted = null;
        }
    }

    @Test
    @Order(5)
    void shouldRefuseToStartOnATakenPortWithOneClearLine() throws Exception {
        Path data = Files.createTempDirectory(REPO.resolve("local-platform/target"), "platform-it-port-");
        try (ServerSocket taken = new ServerSocket(PORTS.scheduling(), 1, InetAddress.getByName("localhost"))) {
            Process up = command(data, "up").start();

            assertThat(up.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String stderr = new String(up.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(up.exitValue()).isEqualTo(1);
            assertThat(stderr.strip()).isEqualTo("error: port " + PORTS.scheduling() + " (scheduling-service) is already in use;"
                    + " stop what uses it or set TELEHEALTH_PORT_OFFSET to shift every port");
            assertThat(listening(PORTS.kafka())).isFalse();
        }
    }

    @Test
    @Order(6)
    void shouldRefuseAJavaOlderThan17() throws Exception {
        Path fakeJdk = Files.createTempDirectory(REPO.resolve("local-platform/target"), "old-jdk-");
        Path java = Files.createDirectories(fakeJdk.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\necho 'openjdk version \"11.0.22\" 2024-01-16' >&2\n");
        assertThat(java.toFile().setExecutable(true)).isTrue();
        ProcessBuilder builder = command(fakeJdk.resolve("data"), "up");
        builder.environment().put("JAVA_HOME", fakeJdk.toString());

        Process up = builder.start();

        assertThat(up.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(up.exitValue()).isEqualTo(1);
        assertThat(new String(up.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip())
                .isEqualTo("error: Java 17 or newer is required; " + java + " is version 11.0.22");
    }

    private static ProcessBuilder command(Path data, String... args) {
        return command(data, Map.of(), args);
    }

    private static ProcessBuilder command(Path data, Map<String, String> environment, String... args) {
        List<String> command = new ArrayList<>();
        command.add(REPO.resolve("telehealth").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(REPO.toFile());
        builder.environment().put("TELEHEALTH_DATA", data.toString());
        builder.environment().put("TELEHEALTH_PORT_OFFSET", Integer.toString(PORT_OFFSET));
        builder.environment().put("TELEHEALTH_SKIP_BUILD", "1");
        builder.environment().putAll(environment);
        return builder;
    }

    private String login(Map<String, String> ready, String user) {
        return new KeycloakLogin(URI.create(ready.get("keycloak")), URI.create(ready.get("scheduling") + "/")).accessToken(user, "demo");
    }

    private List<String> realmRoles(String token) throws IOException {
        JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        List<String> roles = new ArrayList<>();
        claims.path("realm_access").path("roles").forEach(r -> roles.add(r.asText()));
        return roles;
    }

    private HttpResponse<String> post(String url, String token, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("POST " + url + ": " + response.body()).isEqualTo(201);
        return response;
    }

    private HttpResponse<String> get(String url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void produce(String bootstrap, String value) throws Exception {
        try (var producer = new KafkaProducer<String, String>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(PROBE_TOPIC, "key", value)).get(30, TimeUnit.SECONDS);
        }
    }

    private static List<String> consume(String bootstrap, String group) {
        try (var consumer = new KafkaConsumer<String, String>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, group, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(PROBE_TOPIC));
            List<String> values = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 30_000;
            while (values.isEmpty() && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
            return values;
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code ./telehealth up} running in the background, its output collected. */
    private static final class RunningPlatform implements AutoCloseable {

        private final Process process;
        private final StringBuffer output = new StringBuffer();
        private final CompletableFuture<String> readyLine = new CompletableFuture<>();
        private final CompletableFuture<Void> outputEnded = new CompletableFuture<>();

        private RunningPlatform(Process process) {
            this.process = process;
            Thread reader = new Thread(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = lines.readLine()) != null; ) {
                        output.append(line).append('\n');
                        if (line.startsWith("READY ")) {
                            readyLine.complete(line);
                        }
                    }
                } catch (IOException ignored) {
                    // the process ended
                }
                readyLine.completeExceptionally(new AssertionError("no READY line; output:\n" + output));
                outputEnded.complete(null);
            }, "platform-output");
            reader.setDaemon(true);
            reader.start();
        }

        static RunningPlatform start(Path data) throws IOException {
            return start(data, Map.of());
        }

        static RunningPlatform start(Path data, Map<String, String> environment) throws IOException {
            return new RunningPlatform(command(data, environment, "up").redirectErrorStream(true).start());
        }

        Map<String, String> urls() throws Exception {
            String line = readyLine.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            Map<String, String> urls = new LinkedHashMap<>();
            for (String pair : line.substring("READY ".length()).split(" ")) {
                String[] nameAndUrl = pair.split("=", 2);
                urls.put(nameAndUrl[0], nameAndUrl[1]);
            }
            return urls;
        }

        List<ProcessHandle> processTree() {
            List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
            tree.add(process.toHandle());
            return tree;
        }

        int stop() throws Exception {
            // SIGTERM, as a service manager would send; Process.destroy() would also close our end of its output
            process.toHandle().destroy();
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                throw new AssertionError("the platform did not stop within 90 s; output:\n" + output);
            }
            outputEnded.get(10, TimeUnit.SECONDS);
            return process.exitValue();
        }

        String output() {
            return output.toString();
        }

        @Override
        public void close() {
            if (process.isAlive()) {
                List<ProcessHandle> tree = processTree();
                process.destroy();
                try {
                    process.waitFor(90, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                tree.forEach(ProcessHandle::destroyForcibly);
            }
        }
    }
}
