package org.telehealth.signaling.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.telehealth.events.EventEnvelope;

/** The outgoing channel of {@link RoomFactPublisher} in unit tests: keeps the facts handed to it, in order. */
public final class CapturingEmitter implements Emitter<EventEnvelope<?>> {

    private final List<RoomFact> sent = new ArrayList<>();

    /** A publisher for {@code instance} whose facts land here. */
    public RoomFactPublisher publisher(String instance) {
        return new RoomFactPublisher(this, instance);
    }

    /** The facts sent since the last call, which are then forgotten. */
    public synchronized List<RoomFact> drain() {
        List<RoomFact> facts = List.copyOf(sent);
        sent.clear();
        return facts;
    }

    @Override
    public CompletionStage<Void> send(EventEnvelope<?> event) {
        record(event);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public <M extends Message<? extends EventEnvelope<?>>> void send(M message) {
        record(message.getPayload());
    }

    private synchronized void record(EventEnvelope<?> event) {
        sent.add((RoomFact) event.data());
    }

    @Override
    public void complete() {
    }

    @Override
    public void error(Exception e) {
    }

    @Override
    public boolean isCancelled() {
        return false;
    }

    @Override
    public boolean hasRequests() {
        return true;
    }
}
