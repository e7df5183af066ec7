package org.telehealth.platform.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The local platform's master key for recordings (recording-service wraps each recording's data key
 * with it): 32 random bytes, base64, made on first start and kept in the data folder's
 * {@code secrets} (owner-only), apart from the recordings, so recordings stay readable across
 * restarts of {@code ./telehealth up}. Never in the repository; production mounts its own from a
 * secret.
 */
public final class LocalMasterKey {

    private LocalMasterKey() {
    }

    /** The key file at {@code file}, created if absent. */
    public static Path ensure(Path file) {
        if (Files.isRegularFile(file)) {
            return file;
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            Files.deleteIfExists(partial);
            Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(partial, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
            Files.move(partial, file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the recording master key " + file + ": " + e.getMessage(), e);
        }
    }
}
