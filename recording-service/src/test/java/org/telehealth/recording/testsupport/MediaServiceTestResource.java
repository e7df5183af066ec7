package org.telehealth.recording.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import org.telehealth.infra.testing.MediaServiceProcess;

/**
 * The real media-service (its packaged app, in a JVM of its own) for the tests that record a real
 * call: recording-service's default media control URL points at it, and tests reach its control API
 * through {@link #baseUrl()}. Its recording fork may send to loopback only (its default), where the
 * captures of the service under test listen.
 */
public class MediaServiceTestResource implements QuarkusTestResourceLifecycleManager {

    /** A system property, since test resources and tests may see this class through different class loaders. */
    private static final String BASE_URL_PROPERTY = "test.media-service.url";

    private MediaServiceProcess media;

    /** The control API of the running media-service. */
    public static String baseUrl() {
        return System.getProperty(BASE_URL_PROPERTY);
    }

    @Override
    public Map<String, String> start() {
        media = MediaServiceProcess.start("media-recording-test", Map.of());
        System.setProperty(BASE_URL_PROPERTY, media.baseUrl());
        return Map.of("recording.media.default-control-url", media.baseUrl());
    }

    @Override
    public void stop() {
        if (media != null) {
            media.close();
        }
    }
}
