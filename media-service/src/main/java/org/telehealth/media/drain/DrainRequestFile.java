package org.telehealth.media.drain;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Starts the drain when a file appears ({@code media.drain.request-file}): the pod's preStop hook
 * creates it, which needs no token. Only what runs in the container (the hook, {@code kubectl
 * exec}) or as root on the node can write the container's {@code /tmp}. An HTTP route without a
 * token, even on 127.0.0.1, would be open to every process on the node, since the pod uses the
 * node's network, and would take one more of the node's ports. A file left by an earlier container
 * of the same pod is removed at start, so a restarted instance takes rooms again.
 */
@Singleton
public class DrainRequestFile {

    private static final Logger LOG = Logger.getLogger(DrainRequestFile.class);
    private static final Duration CHECK_INTERVAL = Duration.ofSeconds(1);

    private final Optional<Path> file;
    private final Duration interval;
    private final Runnable onRequest;
    private ScheduledExecutorService timer;

    @Inject
    DrainRequestFile(DrainConfig config, InstanceDrain drain) {
        this(config.requestFile(), CHECK_INTERVAL, () -> drain.start(InstanceDrain.Trigger.POD_STOP));
    }

    DrainRequestFile(Optional<Path> file, Duration interval, Runnable onRequest) {
        this.file = file;
        this.interval = interval;
        this.onRequest = onRequest;
    }

    void onStart(@Observes StartupEvent event) {
        start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    synchronized void start() {
        if (file.isEmpty() || timer != null) {
            return;
        }
        Path path = file.get();
        try {
            if (Files.deleteIfExists(path)) {
                LOG.infof("Removed the drain request %s left by an earlier container of this pod", path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the old drain request " + path
                    + ": the instance would drain as soon as it starts", e);
        }
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "media-drain-request");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(() -> check(path), interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private void check(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        LOG.infof("Drain requested by the pod's stop (%s)", path);
        try {
            onRequest.run();
        } catch (RuntimeException e) {
            LOG.error("Could not start the drain the pod's stop requested", e);
            return; // tried again at the next check
        }
        timer.shutdown();
    }
}
