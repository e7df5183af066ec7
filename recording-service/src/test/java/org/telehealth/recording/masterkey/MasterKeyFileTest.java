package org.telehealth.recording.masterkey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telehealth.recording.encryption.MasterKey;

class MasterKeyFileTest {

    @TempDir
    Path directory;

    private final byte[] key = new byte[32];

    MasterKeyFileTest() {
        new SecureRandom().nextBytes(key);
    }

    @Test
    void shouldReadA32ByteBase64KeyKeptApartFromTheRecordings() throws Exception {
        Path file = write(directory.resolve("secrets/master-key"), Base64.getEncoder().encodeToString(key) + "\n");

        MasterKey read = MasterKeyFile.read(file, List.of(directory.resolve("files"), directory.resolve("spool")));

        assertThat(read.id()).isEqualTo(MasterKey.of(key).id()).startsWith("mk-");
    }

    @Test
    void shouldRefuseAKeyInsideTheStorageOrSpoolDirectoryEvenThroughASymlink() throws Exception {
        Path storage = Files.createDirectories(directory.resolve("files"));
        Path inside = write(storage.resolve("nested/master-key"), Base64.getEncoder().encodeToString(key));
        Path link = Files.createSymbolicLink(directory.resolve("innocent-looking-key"), inside);

        assertThatThrownBy(() -> MasterKeyFile.read(inside, List.of(storage)))
                .isInstanceOf(MasterKeyFile.InvalidMasterKeyException.class).hasMessageContaining("beside the recordings");
        assertThatThrownBy(() -> MasterKeyFile.read(link, List.of(storage)))
                .isInstanceOf(MasterKeyFile.InvalidMasterKeyException.class).hasMessageContaining("beside the recordings");
        assertThatThrownBy(() -> MasterKeyFile.read(inside, List.of(directory.resolve("files/./nested/.."))))
                .isInstanceOf(MasterKeyFile.InvalidMasterKeyException.class);
    }

    @Test
    void shouldRefuseAMissingFileOrOneThatIsNotA32ByteKey() throws Exception {
        Path shortKey = write(directory.resolve("short"), Base64.getEncoder().encodeToString(new byte[16]));
        Path notBase64 = write(directory.resolve("text"), "this is not a key!");

        assertThatThrownBy(() -> MasterKeyFile.read(directory.resolve("absent"), List.of()))
                .isInstanceOf(MasterKeyFile.InvalidMasterKeyException.class).hasMessageContaining("cannot be read");
        assertThatThrownBy(() -> MasterKeyFile.read(shortKey, List.of()))
                .isInstanceOf(MasterKeyFile.InvalidMasterKeyException.class).hasMessageContaining("16 bytes");
        assertThatThrownBy(() -> MasterKeyFile.read(notBase64, List.of()))
                .isInstanceOf(MasterKeyFile.InvalidMasterKeyException.class).hasMessageContaining("base64");
    }

    @Test
    void shouldNeverPutTheKeyInAnErrorMessage() throws Exception {
        String encoded = Base64.getEncoder().encodeToString(new byte[31]);
        Path file = write(directory.resolve("bad"), encoded);

        assertThatThrownBy(() -> MasterKeyFile.read(file, List.of())).message().doesNotContain(encoded);
    }

    @Test
    void shouldTellAKeyReadableByOthersFromAnOwnerOnlyOne() throws Exception {
        Path file = write(directory.resolve("key"), Base64.getEncoder().encodeToString(key));

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertThat(MasterKeyFile.readableByOthers(file)).isFalse();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(MasterKeyFile.readableByOthers(file)).isTrue();
    }

    private static Path write(Path file, String content) throws Exception {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }
}
