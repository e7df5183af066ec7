package org.telehealth.media.dtls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CertificateFingerprintTest {

    @Test
    void shouldFormatTheSha256OfTheCertificateAsSdpWritesIt() {
        // SHA-256("abc") from FIPS 180-2, appendix B.1
        CertificateFingerprint fingerprint = CertificateFingerprint.of("abc".getBytes(StandardCharsets.US_ASCII));

        assertThat(fingerprint.toString()).isEqualTo("sha-256 BA:78:16:BF:8F:01:CF:EA:41:41:40:DE:5D:AE:22:23:"
                + "B0:03:61:A3:96:17:7A:9C:B4:10:FF:61:F2:00:15:AD");
    }

    @Test
    void shouldParseWhatBrowsersSendWhateverTheCase() {
        String chrome = "sha-256 ba:78:16:bf:8f:01:cf:ea:41:41:40:de:5d:ae:22:23:b0:03:61:a3:96:17:7a:9c:b4:10:ff:61:f2:00:15:ad";

        assertThat(CertificateFingerprint.parse(chrome).matches(CertificateFingerprint.of("abc".getBytes(StandardCharsets.US_ASCII))))
                .isTrue();
    }

    @Test
    void shouldRejectWeakOrMalformedFingerprints() {
        assertThatThrownBy(() -> CertificateFingerprint.parse("sha-1 AB:CD")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CertificateFingerprint.parse("sha-256 AB:CD")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CertificateFingerprint.parse("sha-256")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CertificateFingerprint.parse("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldGiveEveryGeneratedIdentityItsOwnFingerprint() {
        DtlsIdentity one = DtlsIdentity.generate(Duration.ofDays(1));
        DtlsIdentity two = DtlsIdentity.generate(Duration.ofDays(1));

        assertThat(one.fingerprint().matches(two.fingerprint())).isFalse();
        assertThat(one.fingerprint().matches(CertificateFingerprint.of(one.certificate()))).isTrue();
    }
}
