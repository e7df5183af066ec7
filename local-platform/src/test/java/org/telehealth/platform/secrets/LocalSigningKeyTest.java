package org.telehealth.platform.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSigningKeyTest {

    @TempDir
    Path data;

    @Test
    void shouldMakeAnOwnerOnlyP256KeyOnceAndKeepItAcrossStarts() throws Exception {
        Path file = data.resolve("secrets/join-link-signing-key.pem");

        LocalSigningKey.ensure(file);
        String first = Files.readString(file);
        LocalSigningKey.ensure(file);

        assertThat(Files.readString(file)).isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        String base64 = first.replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", "").replaceAll("\\s", "");
        ECPrivateKey key = (ECPrivateKey) KeyFactory.getInstance("EC")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        assertThat(key.getParams().getCurve().getField().getFieldSize()).isEqualTo(256);
    }
}
