package org.telehealth.recording.masterkey;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import java.util.Collection;
import java.util.Set;
import org.telehealth.recording.encryption.MasterKey;

/**
 * Reads a master key file: 32 random bytes, base64, nothing else (whitespace aside), made with e.g.
 * {@code head -c 32 /dev/urandom | base64 > recording-master-key}. The key must live apart from
 * the recordings it protects, so a file inside the storage or spool directory is refused, as is one
 * that cannot be read or does not hold exactly 32 bytes: the service then does not start.
 */
public final class MasterKeyFile {

    private MasterKeyFile() {
    }

    /**
     * The key in {@code file}.
     *
     * @param forbiddenDirectories where recordings are kept; the key may not be inside any of them
     * @throws InvalidMasterKeyException with a message that names the file and the problem, never the key
     */
    public static MasterKey read(Path file, Collection<Path> forbiddenDirectories) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new InvalidMasterKeyException("the master key file " + file + " does not exist or cannot be read");
        }
        Path real = realPath(file);
        for (Path directory : forbiddenDirectories) {
            if (real.startsWith(canonical(directory))) {
                throw new InvalidMasterKeyException("the master key file " + file + " is inside " + directory
                        + ", beside the recordings it protects; keep it elsewhere (a mounted secret)");
            }
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidMasterKeyException("the master key file " + file + " does not hold base64 text");
        }
        if (key.length != 32) {
            throw new InvalidMasterKeyException("the master key file " + file + " holds " + key.length
                    + " bytes; a master key is 32 random bytes, base64");
        }
        return MasterKey.of(key);
    }

    /** True when users other than the owner may read the file (a warning, not a refusal: secrets may be mounted so). */
    public static boolean readableByOthers(Path file) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            return permissions.contains(PosixFilePermission.GROUP_READ) || permissions.contains(PosixFilePermission.OTHERS_READ);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static Path realPath(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException e) {
            throw new InvalidMasterKeyException("the master key file " + file + " cannot be resolved");
        }
    }

    /** The real path of a directory, or of its nearest existing parent joined with the rest when it does not exist yet. */
    static Path canonical(Path directory) {
        Path absolute = directory.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(absolute));
        } catch (IOException e) {
            return absolute;
        }
    }

    /** A master key file the service refuses to start with. */
    public static final class InvalidMasterKeyException extends IllegalStateException {
        public InvalidMasterKeyException(String message) {
            super(message);
        }
    }
}
