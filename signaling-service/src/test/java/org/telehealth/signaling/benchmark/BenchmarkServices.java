package org.telehealth.signaling.benchmark;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.telehealth.infra.kafka.KafkaBroker;
import org.telehealth.infra.testing.ClientCredentialsTestResource;
import org.telehealth.infra.testing.FreePorts;
import org.telehealth.infra.testing.TestTokens;
import org.telehealth.infra.testing.TokenIssuerTestResource;

/**
 * What a signaling benchmark runs against, all on 127.0.0.1: a Kafka broker, the packaged
 * signaling-service (and, for calls, the packaged media-service) in JVMs of their own, and the
 * test stand-ins of their neighbours: scheduling's join link keys ({@link JoinLinkIssuer}),
 * Keycloak's token check ({@link TestTokens}) and its token endpoint for signaling's service token
 * ({@link ClientCredentialsTestResource}). Signaling allows one page origin, the port of which is
 * chosen up front for the {@link PageServer}.
 */
final class BenchmarkServices implements AutoCloseable {

    private final KafkaBroker kafka;
    private final JoinLinkIssuer links;
    private final ClientCredentialsTestResource tokenEndpoint;
    private final ServiceJvm media;
    private final ServiceJvm signaling;
    private final int pagePort;

    private BenchmarkServices(KafkaBroker kafka, JoinLinkIssuer links, ClientCredentialsTestResource tokenEndpoint,
            ServiceJvm media, ServiceJvm signaling, int pagePort) {
        this.kafka = kafka;
        this.links = links;
        this.tokenEndpoint = tokenEndpoint;
        this.media = media;
        this.signaling = signaling;
        this.pagePort = pagePort;
    }

    /**
     * Starts everything; media-service only if {@code mediaApp} is given. The services run with
     * {@code jvmOptions}; on failure whatever started is stopped again.
     */
    static BenchmarkServices start(Path work, Path signalingApp, Path mediaApp, List<String> jvmOptions) throws Exception {
        KafkaBroker kafka = KafkaBroker.start(work.resolve("kafka-" + UUID.randomUUID()), FreePorts.next(), FreePorts.next(),
                work.resolve("kafka.log"));
        JoinLinkIssuer links = null;
        ClientCredentialsTestResource tokenEndpoint = new ClientCredentialsTestResource();
        ServiceJvm media = null;
        try {
            links = JoinLinkIssuer.start();
            Map<String, String> trustTestTokens = new TokenIssuerTestResource().start();
            if (mediaApp != null) {
                Map<String, String> mediaSettings = new LinkedHashMap<>(trustTestTokens);
                mediaSettings.put("kafka.bootstrap.servers", kafka.bootstrapServers());
                mediaSettings.put("media.transport.bind-address", "127.0.0.1");
                mediaSettings.put("media.transport.port", "0");
                mediaSettings.put("media.instance.id", "media-benchmark");
                int mediaPort = FreePorts.next();
                mediaSettings.put("media.instance.control-url", "http://127.0.0.1:" + mediaPort);
                media = ServiceJvm.start("media-service", mediaApp, mediaPort, jvmOptions, mediaSettings, work);
            }
            int pagePort = FreePorts.next();
            Map<String, String> settings = new LinkedHashMap<>(trustTestTokens);
            settings.putAll(tokenEndpoint.start());
            settings.put("kafka.bootstrap.servers", kafka.bootstrapServers());
            settings.put("signaling.join-link.jwks-url", links.jwksUrl());
            settings.put("signaling.media.default-control-url",
                    media != null ? media.baseUrl().toString() : "http://127.0.0.1:" + FreePorts.next());
            settings.put("signaling.allowed-origins", "http://127.0.0.1:" + pagePort);
            settings.put("signaling.pages.auth-server-url", TestTokens.ISSUER);
            ServiceJvm signaling = ServiceJvm.start("signaling-service", signalingApp, FreePorts.next(), jvmOptions, settings,
                    work);
            return new BenchmarkServices(kafka, links, tokenEndpoint, media, signaling, pagePort);
        } catch (Exception | Error e) {
            if (media != null) {
                media.close();
            }
            tokenEndpoint.stop();
            if (links != null) {
                links.close();
            }
            kafka.close();
            throw e;
        }
    }

    String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    JoinLinkIssuer links() {
        return links;
    }

    ServiceJvm signaling() {
        return signaling;
    }

    /** The visit socket of a visit, {@code ws://127.0.0.1:<port>/ws/visits/{visitId}}. */
    String socketUrl(UUID visitId) {
        return "ws://127.0.0.1:" + signaling.baseUrl().getPort() + "/ws/visits/" + visitId;
    }

    URI signalingUrl() {
        return signaling.baseUrl();
    }

    /** The port of the one page origin signaling allows, {@code http://127.0.0.1:<port>}. */
    int pagePort() {
        return pagePort;
    }

    String pageOrigin() {
        return "http://127.0.0.1:" + pagePort;
    }

    @Override
    public void close() {
        signaling.close();
        if (media != null) {
            media.close();
        }
        tokenEndpoint.stop();
        links.close();
        kafka.close();
    }
}
