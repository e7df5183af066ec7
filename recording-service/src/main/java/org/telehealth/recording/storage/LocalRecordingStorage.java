package org.telehealth.recording.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.telehealth.recording.encryption.FileSource;
import org.telehealth.recording.encryption.SeekableSource;

/**
 * Recordings as files in one directory (owner-only), the default storage. A finished spool file is
 * hard-linked in when both directories are on one filesystem (no copy), and copied then renamed
 * otherwise, so that a key never names a half-written file.
 */
public final class LocalRecordingStorage implements RecordingStorage {

    private final Path root;

    public LocalRecordingStorage(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        createOwnerOnlyDirectory(this.root);
    }

    @Override
    public void store(String key, Path file) throws IOException {
        Path target = resolve(key);
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        try {
            Files.createLink(partial, file);
        } catch (IOException | UnsupportedOperationException otherFilesystem) {
            Files.copy(file, partial);
        }
        force(partial);
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        force(root);
    }

    @Override
    public SeekableSource open(String key) throws IOException {
        Path file = resolve(key);
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(key);
        }
        return new FileSource(file);
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(resolve(key));
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(resolve(key));
    }

    private Path resolve(String key) {
        if (!key.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("not a recording key: " + key);
        }
        return root.resolve(key);
    }

    static void createOwnerOnlyDirectory(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
    }

    /** Forces a file's (or a directory's entries') changes to disk, so that a stored recording survives a power loss. */
    private static void force(Path path) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
