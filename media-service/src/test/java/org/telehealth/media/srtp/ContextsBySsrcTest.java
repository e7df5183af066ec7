package org.telehealth.media.srtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ContextsBySsrcTest {

    private final ContextsBySsrc<String> contexts = new ContextsBySsrc<>(2);
    private final AtomicInteger derived = new AtomicInteger();

    @Test
    void shouldDeriveAContextOnceAndFindItByItsSsrc() {
        String first = contexts.getOrAdd(0x8000_0001, this::derive);

        assertThat(contexts.getOrAdd(0x8000_0001, this::derive)).isSameAs(first);
        assertThat(contexts.get(0x8000_0001)).as("an SSRC above 2^31 is a negative int").isSameAs(first);
        assertThat(contexts.get(1)).isNull();
        assertThat(derived).hasValue(1);
    }

    @Test
    void shouldAddNoContextBeyondItsLimitNorDeriveOne() {
        contexts.getOrAdd(1, this::derive);
        contexts.getOrAdd(2, this::derive);

        assertThat(contexts.getOrAdd(3, this::derive)).isNull();
        assertThat(derived).hasValue(2);
        assertThat(contexts.size()).isEqualTo(2);
        assertThat(contexts.get(1)).isEqualTo("context of 1");
        assertThat(contexts.get(2)).isEqualTo("context of 2");
    }

    @Test
    void shouldRemoveOnlyTheContextItWasAskedToAndFreeItsSlot() {
        String one = contexts.getOrAdd(1, this::derive);
        String two = contexts.getOrAdd(2, this::derive);

        contexts.remove(1, "another context of 1");
        assertThat(contexts.get(1)).isSameAs(one);
        contexts.remove(1, one);

        assertThat(contexts.get(1)).isNull();
        assertThat(contexts.get(2)).isSameAs(two);
        assertThat(contexts.getOrAdd(3, this::derive)).isEqualTo("context of 3");
    }

    @Test
    void shouldForgetEverythingWhenCleared() {
        contexts.getOrAdd(1, this::derive);

        contexts.clear();

        assertThat(contexts.get(1)).isNull();
        assertThat(contexts.size()).isZero();
    }

    @Test
    void shouldRejectALimitBelowOne() {
        assertThatThrownBy(() -> new ContextsBySsrc<String>(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private String derive(int ssrc) {
        derived.incrementAndGet();
        return "context of " + ssrc;
    }
}
