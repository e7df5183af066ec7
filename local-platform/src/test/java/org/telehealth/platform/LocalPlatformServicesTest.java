package org.telehealth.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telehealth.platform.services.PlatformService;

/** How the local platform configures the services that call media-service, whatever the port offset. */
class LocalPlatformServicesTest {

    @TempDir
    Path data;

    @Test
    void shouldRunRecordingServiceWithTheDemoSecretAndThisRunsMediaServiceForItsForks() {
        Map<String, String> env = Map.of("TELEHEALTH_DATA", data.toString(), "TELEHEALTH_PORT_OFFSET", "300");
        LocalPlatform platform = new LocalPlatform(PlatformSettings.fromEnvironment(Path.of(".."), env),
                new Progress(System.out));

        Map<String, String> recording = settingsOf(platform, "recording-service");

        assertThat(recording).containsEntry("quarkus.profile", "local")
                .containsEntry("recording.media.default-control-url", "http://localhost:8383")
                .containsEntry("recording.capture.bind-address", "127.0.0.1");
        assertThat(Path.of(recording.get("recording.master-key-location")))
                .as("the master key apart from the recordings").startsWith(data.resolve("secrets")).isRegularFile();
        assertThat(settingsOf(platform, "media-service")).containsEntry("media.instance.control-url", "http://localhost:8383");
    }

    private static Map<String, String> settingsOf(LocalPlatform platform, String name) {
        return platform.services().stream().filter(s -> s.name().equals(name)).findFirst().map(PlatformService::settings)
                .orElseThrow();
    }
}
