package org.telehealth.media.drain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file the pod's preStop hook creates to start the drain. */
class DrainRequestFileTest {

    private static final Duration INTERVAL = Duration.ofMillis(20);

    @TempDir
    Path directory;

    private final AtomicInteger requests = new AtomicInteger();
    private DrainRequestFile watch;

    @AfterEach
    void stopWatching() {
        if (watch != null) {
            watch.stop();
        }
    }

    @Test
    void shouldStartTheDrainOnceWhenTheFileAppears() throws Exception {
        Path file = directory.resolve("drain-requested");
        watch = new DrainRequestFile(Optional.of(file), INTERVAL, requests::incrementAndGet);
        watch.start();
        Thread.sleep(100);
        assertThat(requests.get()).as("no request before the file exists").isZero();

        Files.writeString(file, "");

        awaitRequests(1);
        Thread.sleep(100);
        assertThat(requests.get()).as("one drain, however long the file stays").isEqualTo(1);
    }

    @Test
    void shouldRemoveARequestLeftByAnEarlierContainerOfThePod() throws Exception {
        Path file = Files.writeString(directory.resolve("drain-requested"), "");
        watch = new DrainRequestFile(Optional.of(file), INTERVAL, requests::incrementAndGet);

        watch.start();
        Thread.sleep(100);

        assertThat(file).doesNotExist();
        assertThat(requests.get()).isZero();
    }

    @Test
    void shouldTryAgainWhenTheDrainCouldNotStart() throws Exception {
        Path file = Files.createDirectories(directory.resolve("sub")).resolve("drain-requested");
        watch = new DrainRequestFile(Optional.of(file), INTERVAL, () -> {
            if (requests.incrementAndGet() == 1) {
                throw new IllegalStateException("first attempt fails");
            }
        });
        watch.start();

        Files.writeString(file, "");

        awaitRequests(2);
    }

    private void awaitRequests(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (requests.get() < expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(requests.get()).isEqualTo(expected);
    }
}
