package org.telehealth.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telehealth.platform.services.PlatformService;

/**
 * How the local platform configures its services whatever the port offset: those that call
 * media-service, and a second signaling instance when asked for one.
 */
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

    @Test
    void shouldRunASecondSignalingInstanceOnItsOwnPortWhenAskedAndLetEachAcceptTheOthersPages() {
        Map<String, String> env = Map.of("TELEHEALTH_DATA", data.toString(), "TELEHEALTH_PORT_OFFSET", "300",
                "TELEHEALTH_SIGNALING_INSTANCES", "2");
        LocalPlatform platform = new LocalPlatform(PlatformSettings.fromEnvironment(Path.of(".."), env),
                new Progress(System.out));

        PlatformService second = platform.services().stream().filter(s -> s.name().equals("signaling-service-2"))
                .findFirst().orElseThrow();

        assertThat(second.module()).isEqualTo("signaling-service");
        assertThat(second.port()).isEqualTo(8385);
        assertThat(second.shortName()).isEqualTo("signaling-2");
        for (String name : new String[] {"signaling-service", "signaling-service-2"}) {
            assertThat(settingsOf(platform, name).get("signaling.allowed-origins")).as(name)
                    .isEqualTo("http://localhost:8381,http://localhost:8382,http://localhost:8385");
        }
        assertThat(settingsOf(platform, "signaling-service-2")).isEqualTo(settingsOf(platform, "signaling-service"));
    }

    @Test
    void shouldRunOneSignalingInstanceUnlessAskedAndRefuseMoreThanTwo() {
        LocalPlatform platform = new LocalPlatform(PlatformSettings.fromEnvironment(Path.of(".."),
                Map.of("TELEHEALTH_DATA", data.toString())), new Progress(System.out));
        assertThat(platform.services()).extracting(PlatformService::name).containsExactly("scheduling-service",
                "signaling-service", "media-service", "recording-service");

        assertThatThrownBy(() -> PlatformSettings.fromEnvironment(Path.of(".."),
                Map.of("TELEHEALTH_DATA", data.toString(), "TELEHEALTH_SIGNALING_INSTANCES", "3")))
                .isInstanceOf(PlatformException.class).hasMessageContaining("TELEHEALTH_SIGNALING_INSTANCES must be 1 or 2");
    }

    private static Map<String, String> settingsOf(LocalPlatform platform, String name) {
        return platform.services().stream().filter(s -> s.name().equals(name)).findFirst().map(PlatformService::settings)
                .orElseThrow();
    }
}
