package org.telehealth.media.dtls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.tls.SRTPProtectionProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DtlsHandshakeTest {

    private static final DtlsIdentity SFU = DtlsIdentity.generate(Duration.ofDays(30));
    private static final DtlsIdentity BROWSER = DtlsIdentity.generate(Duration.ofDays(30));
    private static final int[] CHROME_PROFILES = {
        SRTPProtectionProfile.SRTP_AEAD_AES_256_GCM, SRTPProtectionProfile.SRTP_AEAD_AES_128_GCM,
        SRTPProtectionProfile.SRTP_AES128_CM_HMAC_SHA1_80, SRTPProtectionProfile.SRTP_AES128_CM_HMAC_SHA1_32,
    };

    private final ExecutorService handshakes = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        handshakes.shutdownNow();
    }

    @Test
    void shouldAgreeOnAesGcmKeysWithABrowserThatOffersIt() throws Exception {
        Pair pair = handshake(BROWSER.fingerprint(), CHROME_PROFILES);

        SrtpKeyMaterial server = pair.server.get(10, TimeUnit.SECONDS);
        SrtpKeyMaterial client = pair.client.get(10, TimeUnit.SECONDS);

        assertThat(server.profile()).isEqualTo(SrtpProfile.AEAD_AES_128_GCM);
        assertThat(client.profile()).isEqualTo(SrtpProfile.AEAD_AES_128_GCM);
        assertThat(server.clientKey()).isEqualTo(client.clientKey()).hasSize(16);
        assertThat(server.serverKey()).isEqualTo(client.serverKey()).isNotEqualTo(server.clientKey());
        assertThat(server.clientSalt()).isEqualTo(client.clientSalt()).hasSize(12);
        assertThat(server.serverSalt()).isEqualTo(client.serverSalt());
    }

    @Test
    void shouldPresentTheCertificateWhoseFingerprintGoesInTheSdp() throws Exception {
        Pair pair = handshake(BROWSER.fingerprint(), CHROME_PROFILES);
        pair.client.get(10, TimeUnit.SECONDS);

        assertThat(pair.browser.serverFingerprint().matches(SFU.fingerprint())).isTrue();
    }

    @Test
    void shouldFallBackToAesCmWhenTheBrowserOffersNoGcm() throws Exception {
        Pair pair = handshake(BROWSER.fingerprint(), new int[] {SRTPProtectionProfile.SRTP_AES128_CM_HMAC_SHA1_80});

        SrtpKeyMaterial server = pair.server.get(10, TimeUnit.SECONDS);

        assertThat(server.profile()).isEqualTo(SrtpProfile.AES128_CM_HMAC_SHA1_80);
        assertThat(server.clientSalt()).hasSize(14);
    }

    @Test
    void shouldRefuseABrowserWhoseCertificateIsNotTheOneSignalingAnnounced() {
        CertificateFingerprint someoneElse = DtlsIdentity.generate(Duration.ofDays(1)).fingerprint();

        Pair pair = handshake(someoneElse, CHROME_PROFILES);

        assertThatThrownBy(() -> pair.server.get(10, TimeUnit.SECONDS)).rootCause().hasMessageContaining(
                "certificate does not match the SDP fingerprint");
        assertThatThrownBy(() -> pair.client.get(10, TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    void shouldRefuseABrowserThatOffersNoSrtpProfile() {
        Pair pair = handshake(BROWSER.fingerprint(), new int[0]);

        assertThatThrownBy(() -> pair.server.get(10, TimeUnit.SECONDS)).rootCause().hasMessageContaining(
                "the client offered no use_srtp extension");
    }

    @Test
    void shouldDropDatagramsOnceClosed() {
        DtlsHandshake handshake = new DtlsHandshake(SFU, BROWSER.fingerprint(), datagram -> { });
        handshake.close();

        assertThat(handshake.receive(new byte[] {22, (byte) 0xfe, (byte) 0xfd})).isFalse();
        assertThat(handshake.result()).isCancelled();
    }

    private record Pair(CompletableFuture<SrtpKeyMaterial> server, CompletableFuture<SrtpKeyMaterial> client,
            BrowserLikeDtlsClient browser) {
    }

    private Pair handshake(CertificateFingerprint expectedBrowser, int[] offeredProfiles) {
        BrowserLikeDtlsClient.Link link = new BrowserLikeDtlsClient.Link();
        DtlsHandshake server = new DtlsHandshake(SFU, expectedBrowser, link::deliver);
        link.connectTo(server::receive);
        CompletableFuture<SrtpKeyMaterial> serverKeys = server.start(handshakes);
        BrowserLikeDtlsClient browser = BrowserLikeDtlsClient.connect(BROWSER, offeredProfiles, link);
        return new Pair(serverKeys, browser.keys(), browser);
    }
}
