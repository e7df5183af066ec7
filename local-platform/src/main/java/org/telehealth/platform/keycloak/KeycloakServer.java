package org.telehealth.platform.keycloak;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.telehealth.platform.PlatformException;
import org.telehealth.platform.process.ChildProcess;

/**
 * Keycloak from its Maven Central distribution, run in development mode with the repo's realm
 * imported on first start. The distribution is unpacked under the data folder and kept, so that
 * Keycloak's one-minute first build and its users survive restarts.
 */
public final class KeycloakServer {

    /** Demo-only credentials of Keycloak's own administration console (master realm). */
    public static final String BOOTSTRAP_ADMIN = "admin";
    public static final String BOOTSTRAP_ADMIN_PASSWORD = "admin-demo-only";
    public static final String REALM = "telehealth";

    private final Path distributionZip;
    private final Path realmDirectory;
    private final Path installDirectory;

    public KeycloakServer(Path distributionZip, Path realmDirectory, Path installDirectory) {
        this.distributionZip = distributionZip;
        this.realmDirectory = realmDirectory;
        this.installDirectory = installDirectory;
    }

    /** True when the distribution must still be unpacked and built: the slow first start. */
    public boolean firstStart() {
        return findHome().isEmpty();
    }

    public ChildProcess start(int port, int managementPort, Map<String, String> realmValues, Path logFile) {
        Path home = findHome().orElseGet(this::unpack);
        importRealm(home, realmValues);
        List<String> command = List.of("bash", home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-port=" + port,
                "--http-management-port=" + managementPort,
                "--hostname=" + baseUrl(port),
                "--import-realm");
        Map<String, String> env = Map.of(
                "JAVA_HOME", System.getProperty("java.home"),
                "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx768m",
                "KC_BOOTSTRAP_ADMIN_USERNAME", BOOTSTRAP_ADMIN,
                "KC_BOOTSTRAP_ADMIN_PASSWORD", BOOTSTRAP_ADMIN_PASSWORD);
        return ChildProcess.start("keycloak", command, env, home, logFile, Duration.ofSeconds(20));
    }

    public static URI baseUrl(int port) {
        return URI.create("http://localhost:" + port);
    }

    /** Answers 200 once Keycloak runs and the realm is imported. */
    public static URI readinessUrl(int port) {
        return baseUrl(port).resolve("/realms/" + REALM + "/.well-known/openid-configuration");
    }

    private Optional<Path> findHome() {
        if (!Files.isDirectory(installDirectory)) {
            return Optional.empty();
        }
        try (Stream<Path> children = Files.list(installDirectory)) {
            return children.filter(p -> Files.isRegularFile(p.resolve("bin/kc.sh"))).findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path unpack() {
        if (!Files.isRegularFile(distributionZip)) {
            throw new PlatformException("Keycloak's distribution is missing at " + distributionZip
                    + "; build first with ./mvnw -DskipTests package");
        }
        Path staging = installDirectory.resolveSibling(installDirectory.getFileName() + ".unpacking");
        try {
            deleteRecursively(staging);
            Files.createDirectories(staging);
            try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(distributionZip))) {
                for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                    Path target = staging.resolve(entry.getName()).normalize();
                    if (!target.startsWith(staging)) {
                        throw new PlatformException("refusing zip entry outside the target folder: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(target);
                    } else {
                        Files.createDirectories(target.getParent());
                        copy(zip, target);
                        if (entry.getName().endsWith(".sh")) {
                            target.toFile().setExecutable(true);
                        }
                    }
                }
            }
            deleteRecursively(installDirectory);
            Files.move(staging, installDirectory, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new PlatformException("cannot unpack Keycloak into " + installDirectory + ": " + e.getMessage(), e);
        }
        return findHome().orElseThrow(() -> new PlatformException("no bin/kc.sh in " + distributionZip));
    }

    private void importRealm(Path home, Map<String, String> values) {
        Path importDirectory = home.resolve("data/import");
        try {
            Files.createDirectories(importDirectory);
            for (Path file : List.of(realmDirectory.resolve("telehealth-realm.json"),
                    realmDirectory.resolve("demo/telehealth-users-0.json"))) {
                Files.writeString(importDirectory.resolve(file.getFileName()), RealmTemplate.render(Files.readString(file), values));
            }
        } catch (IOException e) {
            throw new PlatformException("cannot prepare the realm import from " + realmDirectory + ": " + e.getMessage(), e);
        }
    }

    private static void copy(InputStream in, Path target) throws IOException {
        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
