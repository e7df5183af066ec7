package org.telehealth.media.dtls;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Hashtable;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.DTLSClientProtocol;
import org.bouncycastle.tls.DatagramTransport;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.ExporterLabel;
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.UseSRTPData;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCryptoProvider;

/**
 * The browser's side of DTLS-SRTP, for tests: a DTLS 1.2 client with its own certificate that offers
 * use_srtp profiles and exports the SRTP keys, as Chrome or Firefox do. Public for the forwarding
 * benchmark's synthetic participants.
 */
public final class BrowserLikeDtlsClient extends DefaultTlsClient {

    private final JcaTlsCrypto crypto;
    private final DtlsIdentity identity;
    private final int[] offeredProfiles;
    private final CompletableFuture<SrtpKeyMaterial> result = new CompletableFuture<>();
    private SrtpProfile selected;
    private SrtpKeyMaterial keys;
    private volatile CertificateFingerprint serverFingerprint;

    private BrowserLikeDtlsClient(JcaTlsCrypto crypto, DtlsIdentity identity, int[] offeredProfiles) {
        super(crypto);
        this.crypto = crypto;
        this.identity = identity;
        this.offeredProfiles = offeredProfiles;
    }

    /** Starts connecting over {@code link} on a new thread. */
    public static BrowserLikeDtlsClient connect(DtlsIdentity identity, int[] offeredProfiles, Link link) {
        BrowserLikeDtlsClient client = new BrowserLikeDtlsClient(new JcaTlsCryptoProvider().create(new SecureRandom()), identity,
                offeredProfiles);
        Thread thread = new Thread(() -> {
            try {
                new DTLSClientProtocol().connect(client, link);
                client.result.complete(client.keys);
            } catch (IOException | RuntimeException e) {
                client.result.completeExceptionally(e);
            }
        }, "test-dtls-client");
        thread.setDaemon(true);
        thread.start();
        return client;
    }

    /** The client's SRTP keys once the handshake is done. */
    public CompletableFuture<SrtpKeyMaterial> keys() {
        return result;
    }

    CertificateFingerprint serverFingerprint() {
        return serverFingerprint;
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        return ProtocolVersion.DTLSv12.only();
    }

    @Override
    @SuppressWarnings("unchecked")
    public Hashtable getClientExtensions() throws IOException {
        Hashtable extensions = super.getClientExtensions();
        if (offeredProfiles.length > 0) {
            TlsSRTPUtils.addUseSRTPExtension(extensions, new UseSRTPData(offeredProfiles, new byte[0]));
        }
        return extensions;
    }

    @Override
    public void processServerExtensions(Hashtable serverExtensions) throws IOException {
        super.processServerExtensions(serverExtensions);
        UseSRTPData chosen = TlsSRTPUtils.getUseSRTPExtension(serverExtensions);
        selected = SrtpProfile.choose(chosen.getProtectionProfiles()).orElseThrow();
    }

    @Override
    public TlsAuthentication getAuthentication() {
        return new TlsAuthentication() {
            @Override
            public void notifyServerCertificate(TlsServerCertificate certificate) throws IOException {
                serverFingerprint = CertificateFingerprint.of(certificate.getCertificate().getCertificateAt(0).getEncoded());
            }

            @Override
            public TlsCredentials getClientCredentials(CertificateRequest request) throws IOException {
                Certificate chain = new Certificate(new TlsCertificate[] {crypto.createCertificate(identity.certificate())});
                return new JcaDefaultTlsCredentialedSigner(new TlsCryptoParameters(context), crypto, identity.privateKey(), chain,
                        SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa));
            }
        };
    }

    @Override
    public void notifyHandshakeComplete() throws IOException {
        super.notifyHandshakeComplete();
        keys = SrtpKeyMaterial.split(selected, context.exportKeyingMaterial(ExporterLabel.dtls_srtp, null,
                selected.keyingMaterialLength()));
    }

    /** The client's end of an in-memory datagram link to a {@link DtlsHandshake}. */
    public static final class Link implements DatagramTransport {

        private final BlockingQueue<byte[]> inbound = new ArrayBlockingQueue<>(256);
        private Consumer<byte[]> toServer = datagram -> { };

        public void connectTo(Consumer<byte[]> server) {
            this.toServer = server;
        }

        /** What the server sends to the client. */
        public void deliver(byte[] datagram) {
            inbound.offer(datagram);
        }

        @Override
        public int getReceiveLimit() {
            return 1500;
        }

        @Override
        public int getSendLimit() {
            return 1200;
        }

        @Override
        public int receive(byte[] buf, int off, int len, int waitMillis) throws IOException {
            try {
                byte[] datagram = inbound.poll(waitMillis, TimeUnit.MILLISECONDS);
                if (datagram == null) {
                    return -1;
                }
                System.arraycopy(datagram, 0, buf, off, Math.min(len, datagram.length));
                return Math.min(len, datagram.length);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }

        @Override
        public void send(byte[] buf, int off, int len) {
            byte[] copy = new byte[len];
            System.arraycopy(buf, off, copy, 0, len);
            toServer.accept(copy);
        }

        @Override
        public void close() {
            inbound.clear();
        }
    }
}
