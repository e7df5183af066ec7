package org.telehealth.media.srtp;

import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * The crypto contexts of one direction of an {@link SrtpSession}, by SSRC. Looked up for every
 * packet, so a lookup is a scan of a few ints in an array read through one volatile field: no
 * boxing of the SSRC, no hashing, no lock (a participant sends on two to a dozen SSRCs). Adding and
 * removing, on a stream's first packet or a forged one, copy the arrays under a lock; readers see
 * either the old table or the new one, never a half-made one. At most {@code limit} contexts.
 *
 * @param <T> the context type (jitsi-srtp's SRTP or SRTCP context)
 */
final class ContextsBySsrc<T> {

    /** An immutable table: {@code contexts[i]} is the context of {@code ssrcs[i]}. */
    private record Table(int[] ssrcs, Object[] contexts) {
    }

    private static final Table EMPTY = new Table(new int[0], new Object[0]);

    private final int limit;
    private volatile Table table = EMPTY;

    /** @param limit the most contexts kept, at least 1 */
    ContextsBySsrc(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit " + limit + " is less than 1");
        }
        this.limit = limit;
    }

    /** The context of {@code ssrc}, or null if there is none. Runs per packet. */
    @SuppressWarnings("unchecked")
    T get(int ssrc) {
        Table current = table;
        int[] ssrcs = current.ssrcs();
        for (int i = 0; i < ssrcs.length; i++) {
            if (ssrcs[i] == ssrc) {
                return (T) current.contexts()[i];
            }
        }
        return null;
    }

    /**
     * The context of {@code ssrc}: the one kept, or else a new one from {@code derive}, kept unless
     * the table holds {@code limit} contexts already (then null, and {@code derive} is not called).
     */
    synchronized T getOrAdd(int ssrc, IntFunction<T> derive) {
        T kept = get(ssrc);
        if (kept != null) {
            return kept;
        }
        Table current = table;
        int size = current.ssrcs().length;
        if (size >= limit) {
            return null;
        }
        T derived = derive.apply(ssrc);
        int[] ssrcs = Arrays.copyOf(current.ssrcs(), size + 1);
        Object[] contexts = Arrays.copyOf(current.contexts(), size + 1);
        ssrcs[size] = ssrc;
        contexts[size] = derived;
        table = new Table(ssrcs, contexts);
        return derived;
    }

    /** Forgets the context of {@code ssrc} if it is {@code context} (not one added since by someone else). */
    synchronized void remove(int ssrc, T context) {
        Table current = table;
        int size = current.ssrcs().length;
        for (int i = 0; i < size; i++) {
            if (current.ssrcs()[i] == ssrc && current.contexts()[i] == context) {
                int[] ssrcs = new int[size - 1];
                Object[] contexts = new Object[size - 1];
                System.arraycopy(current.ssrcs(), 0, ssrcs, 0, i);
                System.arraycopy(current.ssrcs(), i + 1, ssrcs, i, size - i - 1);
                System.arraycopy(current.contexts(), 0, contexts, 0, i);
                System.arraycopy(current.contexts(), i + 1, contexts, i, size - i - 1);
                table = new Table(ssrcs, contexts);
                return;
            }
        }
    }

    synchronized void clear() {
        table = EMPTY;
    }

    int size() {
        return table.ssrcs().length;
    }
}
