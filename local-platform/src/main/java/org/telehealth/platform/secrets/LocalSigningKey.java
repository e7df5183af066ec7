package org.telehealth.platform.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/**
 * The local platform's key for signing patients' join links: a P-256 key made on first start and
 * kept in the data folder (owner-only), so links stay valid across restarts of {@code ./telehealth
 * up}. Never in the repository; production mounts its own key from a secret.
 */
public final class LocalSigningKey {

    private LocalSigningKey() {
    }

    /** The PKCS#8 PEM file at {@code file}, created if absent. */
    public static Path ensure(Path file) {
        if (Files.isRegularFile(file)) {
            return file;
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            byte[] pkcs8 = generator.generateKeyPair().getPrivate().getEncoded();
            String pem = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pkcs8)
                    + "\n-----END PRIVATE KEY-----\n";
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            Files.deleteIfExists(partial);
            Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(partial, pem, StandardCharsets.US_ASCII);
            Files.move(partial, file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the join-link signing key " + file + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java cannot make P-256 keys: " + e.getMessage(), e);
        }
    }
}
