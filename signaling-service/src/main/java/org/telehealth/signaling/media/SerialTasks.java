package org.telehealth.signaling.media;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs asynchronous tasks one after the other, each starting (on the executor) once the previous
 * one's stage completed, whatever its outcome. A visit's media calls go through one of these, so a
 * participant's offers reach media-service in order and a removal never overtakes an offer.
 */
final class SerialTasks {

    private static final Logger LOG = Logger.getLogger(SerialTasks.class);

    private final Executor executor;
    private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);

    SerialTasks(Executor executor) {
        this.executor = executor;
    }

    /** Whether every task submitted so far has finished. */
    synchronized boolean idle() {
        return tail.isDone();
    }

    synchronized void submit(Supplier<? extends CompletionStage<?>> task) {
        tail = tail.thenComposeAsync(ignored -> {
            try {
                return task.get().toCompletableFuture().handle((result, failure) -> (Void) null);
            } catch (RuntimeException e) {
                LOG.warnf("A media task failed: %s", e.getClass().getSimpleName());
                return CompletableFuture.<Void>completedFuture(null);
            }
        }, executor);
    }
}
