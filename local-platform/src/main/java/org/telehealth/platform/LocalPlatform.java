package org.telehealth.platform;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.telehealth.infra.kafka.KafkaBroker;
import org.telehealth.infra.postgres.DatabaseProvisioner;
import org.telehealth.infra.postgres.PostgresEndpoint;
import org.telehealth.infra.postgres.PostgresServer;
import org.telehealth.platform.keycloak.KeycloakServer;
import org.telehealth.platform.process.ChildProcess;
import org.telehealth.platform.process.HttpReadiness;
import org.telehealth.platform.process.PortGuard;
import org.telehealth.platform.secrets.LocalMasterKey;
import org.telehealth.platform.secrets.LocalSigningKey;
import org.telehealth.platform.services.PlatformService;
import org.telehealth.platform.services.ServiceLauncher;

/**
 * The whole platform on one machine: PostgreSQL, Kafka and Keycloak, then the four services once
 * what they need is up. Everything it starts is stopped by {@link #close()}, in reverse order, even
 * when start-up failed half-way or was interrupted by Ctrl-C.
 */
public final class LocalPlatform implements AutoCloseable {

    private static final Duration KEYCLOAK_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration SERVICE_TIMEOUT = Duration.ofMinutes(2);

    private final PlatformSettings settings;
    private final Progress progress;
    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    private final List<ChildProcess> monitored = new CopyOnWriteArrayList<>();
    private final HttpReadiness readiness = new HttpReadiness();
    private boolean closed;

    public LocalPlatform(PlatformSettings settings, Progress progress) {
        this.settings = settings;
        this.progress = progress;
    }

    public List<PlatformService> services() {
        Ports ports = settings.ports();
        return List.of(
                // Join links and the portal's "open visit" point at the visit page of this run's signaling-service.
                // The join-link key lives in the data folder, so links survive restarts (made on first start).
                new PlatformService("scheduling-service", "scheduling-service", ports.scheduling(), Optional.of("scheduling"),
                        Map.of("scheduling.join-link.base-url", "http://localhost:" + ports.signaling() + "/visit/",
                                "scheduling.join-link.signing-key-location", joinLinkKey().toString(),
                                // no SMTP server locally: reminders go to the in-memory mailbox
                                "quarkus.mailer.mock", "true")),
                // The pages the sockets come from: the portal and signaling's own visit pages, on this run's ports.
                new PlatformService("signaling-service", "signaling-service", ports.signaling(), Optional.empty(),
                        // profile local: the demo client secret of the local realm (production reads it from the environment)
                        Map.of("quarkus.profile", "local",
                                "signaling.allowed-origins", "http://localhost:" + ports.scheduling() + ",http://localhost:"
                                        + ports.signaling(),
                                "signaling.media.default-control-url", "http://localhost:" + ports.media(),
                                "signaling.join-link.jwks-url", "http://localhost:" + ports.scheduling()
                                        + "/.well-known/join-link-jwks.json")),
                new PlatformService("media-service", "media-service", ports.media(), Optional.empty(),
                        // its load reports tell signaling where its control API is, on this run's port
                        Map.of("media.transport.port", Integer.toString(ports.mediaUdp()),
                                "media.instance.control-url", "http://localhost:" + ports.media())),
                // Recordings are encrypted with a master key kept in the data folder's secrets, apart from the
                // recordings themselves (recording-service refuses a key inside its storage or spool directory).
                // Profile local: the demo client secret of the local realm for its service token, with which it asks
                // this run's media-service to fork a recorded visit's media to its capture ports on loopback.
                new PlatformService("recording-service", "recording-service", ports.recording(), Optional.of("recording"),
                        Map.of("quarkus.profile", "local",
                                "recording.master-key-location", recordingMasterKey().toString(),
                                "recording.storage.spool-directory", recordingsDirectory().resolve("spool").toString(),
                                "recording.storage.local.root", recordingsDirectory().resolve("files").toString(),
                                "recording.media.default-control-url", "http://localhost:" + ports.media(),
                                "recording.capture.bind-address", "127.0.0.1")));
    }

    private Path recordingMasterKey() {
        return LocalMasterKey.ensure(settings.dataDirectory().resolve("secrets/recording-master-key").toAbsolutePath());
    }

    private Path recordingsDirectory() {
        return settings.dataDirectory().resolve("recordings").toAbsolutePath();
    }

    private Path joinLinkKey() {
        return LocalSigningKey.ensure(settings.dataDirectory().resolve("secrets/join-link-signing-key.pem").toAbsolutePath());
    }

    /** Starts everything and returns the line that tells scripts and people where each part listens. */
    public String start() {
        Ports ports = settings.ports();
        claimDataDirectory();
        PortGuard.requireFree(ports.byOwner(settings.externalPostgres().isEmpty()));
        PortGuard.requireFreeUdp(ports.udpByOwner());

        KeycloakServer keycloak = new KeycloakServer(
                settings.repository().resolve("local-platform/target/keycloak/keycloak-quarkus-dist.zip"),
                settings.repository().resolve("keycloak"), settings.dataDirectory().resolve("keycloak"));
        progress.step("keycloak", keycloak.firstStart()
                ? "starting; the first start unpacks and builds Keycloak (about a minute)"
                : "starting");
        ChildProcess keycloakProcess = register(keycloak.start(ports.keycloak(), ports.keycloakManagement(), realmValues(ports),
                settings.logs().resolve("keycloak.log")));

        PostgresEndpoint postgres = startPostgres();
        KafkaBroker kafka = startKafka();

        awaitKeycloak(keycloakProcess, ports);

        ServiceLauncher launcher = new ServiceLauncher(settings.repository(), settings.logs(), kafka.bootstrapServers(),
                KeycloakServer.baseUrl(ports.keycloak()) + "/realms/" + KeycloakServer.REALM, postgres);
        Map<PlatformService, ChildProcess> started = new LinkedHashMap<>();
        for (PlatformService service : services()) {
            progress.step(service.name(), "starting");
            started.put(service, register(launcher.start(service)));
        }
        CompletableFuture<?>[] waits = started.entrySet().stream()
                .map(e -> CompletableFuture.runAsync(() -> {
                    readiness.await(e.getValue(), URI.create("http://localhost:" + e.getKey().port() + "/q/health/ready"),
                            SERVICE_TIMEOUT, () -> { });
                    progress.step(e.getKey().name(), "ready on http://localhost:" + e.getKey().port());
                }))
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(waits).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof PlatformException p ? p : new PlatformException(e.getCause().getMessage(), e.getCause());
        }
        monitored.addAll(started.values());
        monitored.add(keycloakProcess);

        StringJoiner ready = new StringJoiner(" ", "READY ", "");
        services().forEach(s -> ready.add(s.shortName() + "=http://localhost:" + s.port()));
        ready.add("keycloak=" + KeycloakServer.baseUrl(ports.keycloak()));
        ready.add("kafka=" + kafka.bootstrapServers());
        return ready.toString();
    }

    /** A server that stopped on its own since start-up, if any: the platform is then broken. */
    public Optional<ChildProcess> firstExited() {
        return monitored.stream().filter(p -> !p.isAlive()).findFirst();
    }

    /** True once anything has been started that {@link #close()} would stop. */
    public synchronized boolean hasStartedAnything() {
        return !running.isEmpty();
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        while (!running.isEmpty()) {
            try {
                running.pop().close();
            } catch (Exception e) {
                progress.step("stop", "could not stop cleanly: " + e.getMessage());
            }
        }
    }

    private PostgresEndpoint startPostgres() {
        PostgresEndpoint endpoint;
        if (settings.externalPostgres().isPresent()) {
            endpoint = settings.externalPostgres().get();
            progress.step("postgres", "using external PostgreSQL at " + endpoint.host() + ":" + endpoint.port());
        } else {
            progress.step("postgres", "starting");
            PostgresServer server = register(PostgresServer.start(settings.dataDirectory().resolve("postgres"),
                    settings.ports().postgres(), settings.dataDirectory().resolve("postgres-binaries"),
                    settings.logs().resolve("postgres.log")));
            endpoint = server.endpoint();
            progress.step("postgres", "ready on localhost:" + endpoint.port());
        }
        DatabaseProvisioner provisioner = new DatabaseProvisioner(endpoint);
        services().stream().filter(s -> s.database().isPresent())
                .forEach(s -> provisioner.ensureDatabase(s.database().get(), s.database().get(), s.databasePassword()));
        return endpoint;
    }

    private KafkaBroker startKafka() {
        progress.step("kafka", "starting (KRaft, single node)");
        KafkaBroker kafka = register(KafkaBroker.start(settings.dataDirectory().resolve("kafka"), settings.ports().kafka(),
                settings.ports().kafkaController(), settings.logs().resolve("kafka.log")));
        progress.step("kafka", "ready on " + kafka.bootstrapServers());
        return kafka;
    }

    private void awaitKeycloak(ChildProcess keycloak, Ports ports) {
        long[] lastNote = {System.nanoTime()};
        readiness.await(keycloak, KeycloakServer.readinessUrl(ports.keycloak()), KEYCLOAK_TIMEOUT, () -> {
            if (System.nanoTime() - lastNote[0] > Duration.ofSeconds(15).toNanos()) {
                progress.step("keycloak", "still starting...");
                lastNote[0] = System.nanoTime();
            }
        });
        progress.step("keycloak", "ready on " + KeycloakServer.baseUrl(ports.keycloak()) + " (realm " + KeycloakServer.REALM + ")");
    }

    private Map<String, String> realmValues(Ports ports) {
        return Map.of(
                "TELEHEALTH_PORTAL_URL", "http://localhost:" + ports.scheduling(),
                "TELEHEALTH_VISIT_URL", "http://localhost:" + ports.signaling());
    }

    /** One platform per data folder: a second one would corrupt the first one's database. */
    private void claimDataDirectory() {
        Path pidFile = settings.dataDirectory().resolve("platform.pid");
        try {
            Files.createDirectories(settings.logs());
            if (Files.exists(pidFile)) {
                String pid = Files.readString(pidFile).trim();
                boolean alive = !pid.isEmpty() && pid.chars().allMatch(Character::isDigit)
                        && ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
                if (alive) {
                    throw new PlatformException("the platform is already running from " + settings.dataDirectory() + " (pid " + pid + ")");
                }
            }
            Files.writeString(pidFile, Long.toString(ProcessHandle.current().pid()));
            running.push(() -> Files.deleteIfExists(pidFile));
        } catch (IOException e) {
            throw new PlatformException("cannot use the data folder " + settings.dataDirectory() + ": " + e.getMessage(), e);
        }
    }

    private synchronized <T extends AutoCloseable> T register(T resource) {
        if (closed) {
            closeQuietly(resource);
            throw new PlatformException("stopping");
        }
        running.push(resource);
        return resource;
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception ignored) {
            // already stopping
        }
    }
}
