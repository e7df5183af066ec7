package org.telehealth.recording.session;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;
import org.telehealth.recording.storage.StorageConfig;

/**
 * The local directory (owner-only) where recordings are written, encrypted, while they are
 * captured, one file per recording; a file leaves once the recording is stored and its record says
 * so. What is left here after a crash is what the capture supervisor recovers.
 */
@ApplicationScoped
public class SpoolDirectory {

    private final Path root;

    public SpoolDirectory(StorageConfig config) {
        this.root = config.spoolDirectory().toAbsolutePath().normalize();
        try {
            if (!Files.isDirectory(root)) {
                Files.createDirectories(root, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the spool directory " + root + ": " + e.getMessage(), e);
        }
    }

    /** The spool file of a recording. */
    public Path fileOf(UUID recordingId) {
        return root.resolve(storageKeyOf(recordingId));
    }

    /** The name of a recording in the spool and in the storage. */
    public static String storageKeyOf(UUID recordingId) {
        return recordingId + ".webm.enc";
    }
}
