package org.telehealth.recording.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * Gives the service under test its own spool and storage directories under {@code target/}, and a
 * master key file apart from both (as production mounts it), so tests run the real key loading
 * and leave nothing outside the build directory.
 */
public class RecordingFilesTestResource implements QuarkusTestResourceLifecycleManager {

    private static Path base;

    /** The directories of this test JVM (made on first use). */
    public static synchronized Path base() {
        if (base == null) {
            try {
                Path target = Path.of("target").toAbsolutePath();
                Files.createDirectories(target);
                base = Files.createTempDirectory(target, "recording-files-");
                Path secrets = Files.createDirectories(base.resolve("secrets"));
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Path keyFile = secrets.resolve("master-key");
                Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(keyFile, Base64.getEncoder().encodeToString(key) + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return base;
    }

    public static Path spool() {
        return base().resolve("spool");
    }

    public static Path files() {
        return base().resolve("files");
    }

    @Override
    public Map<String, String> start() {
        return Map.of(
                "recording.storage.spool-directory", spool().toString(),
                "recording.storage.local.root", files().toString(),
                "recording.master-key-location", base().resolve("secrets/master-key").toString(),
                "recording.capture.node-id", "test-node");
    }

    @Override
    public void stop() {
        // kept under target/ for inspection after a failed run
    }
}
