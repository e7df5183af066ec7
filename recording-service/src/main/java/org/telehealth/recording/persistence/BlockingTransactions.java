package org.telehealth.recording.persistence;

import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import java.util.function.Supplier;

/**
 * Runs a Hibernate Reactive step from blocking code (Kafka listeners, the capture supervisor, jobs:
 * they touch files, the storage and the capture side, which block) and waits for its result. The
 * step runs on a Vert.x context of its own, as Hibernate Reactive requires.
 */
public final class BlockingTransactions {

    private BlockingTransactions() {
    }

    public static <T> T await(Supplier<Uni<T>> step) {
        try {
            return VertxContextSupport.subscribeAndAwait(step);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
