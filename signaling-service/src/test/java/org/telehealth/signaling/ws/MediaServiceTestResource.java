package org.telehealth.signaling.ws;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;
import org.telehealth.infra.testing.MediaServiceProcess;

/**
 * The real media-service for signaling's tests: its packaged app ({@code ../media-service/target/
 * quarkus-app}, built earlier in the reactor; failsafe names it in {@code media-service.app}) in a
 * JVM of its own on free ports, on the tests' Kafka broker (it reports its load there every second,
 * naming its control URL), its control API trusting {@code TestTokens} like every service under
 * test. Signaling's fallback control URL points at it too, and tests reach it directly through
 * {@link #BASE_URL_PROPERTY}.
 */
public class MediaServiceTestResource implements QuarkusTestResourceLifecycleManager {

    static final String BASE_URL_PROPERTY = "test.media-service.url";
    static final String INSTANCE_ID = "media-signaling-test";

    private MediaServiceProcess media;

    @Override
    public Map<String, String> start() {
        media = MediaServiceProcess.start(INSTANCE_ID, Map.of());
        System.setProperty(BASE_URL_PROPERTY, media.baseUrl());
        Map<String, String> config = new HashMap<>();
        config.put("signaling.media.default-control-url", media.baseUrl());
        // media-service reports every second here: three missed reports and an instance is gone
        config.put("signaling.media.report-expiry", "3s");
        return config;
    }

    @Override
    public void stop() {
        if (media != null) {
            media.close();
        }
    }
}
