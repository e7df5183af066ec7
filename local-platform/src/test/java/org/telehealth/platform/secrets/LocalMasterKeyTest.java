package org.telehealth.platform.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalMasterKeyTest {

    @TempDir
    Path data;

    @Test
    void shouldMakeAnOwnerOnly32ByteKeyOnceAndKeepItAcrossStarts() throws Exception {
        Path file = data.resolve("secrets/recording-master-key");

        LocalMasterKey.ensure(file);
        String first = Files.readString(file);
        LocalMasterKey.ensure(file);

        assertThat(Files.readString(file)).isEqualTo(first);
        assertThat(Base64.getDecoder().decode(first.strip())).hasSize(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }
}
