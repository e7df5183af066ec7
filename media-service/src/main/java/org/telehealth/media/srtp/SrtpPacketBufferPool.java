package org.telehealth.media.srtp;

import java.util.concurrent.atomic.LongAdder;

/**
 * Buffers for packets that a thread writes, encrypts and sends before it goes on to the next one:
 * each receiver's copy of a forwarded packet, the recording fork's copy. Sending hands the bytes to
 * the kernel before it returns, so one buffer serves packet after packet; taking it from here
 * instead of allocating an array per packet and receiver keeps that garbage, and the young
 * collections that stop the media thread, off the forwarding path.
 *
 * <p>Each thread has its own free list (no lock, no buffer shared across threads): a buffer is
 * {@link #acquire acquired}, used by that thread alone, and {@link #release released} when the
 * thread no longer reads or writes it. A buffer acquired is never handed out again before it is
 * released, so nested users (a receiver's copy while a retransmission is written) get buffers of
 * their own. At most {@code maxFreePerThread} buffers wait in a thread's list; more released are
 * left to the garbage collector, so a burst cannot make the pool grow for good. Nothing retained
 * may come from here: what must outlive the send (the retransmission buffer's packets) is copied.
 */
public final class SrtpPacketBufferPool {

    private final int bufferBytes;
    private final int maxFreePerThread;
    private final ThreadLocal<FreeList> free;
    private final LongAdder allocated = new LongAdder();

    /**
     * @param bufferBytes the array size of a new buffer: the largest packet, plus
     *        {@link SrtpPacketBuffer#TRAILER_ROOM}, that needs no larger array
     * @param maxFreePerThread buffers a thread keeps for reuse, at least 1
     */
    public SrtpPacketBufferPool(int bufferBytes, int maxFreePerThread) {
        if (bufferBytes < SrtpPacketBuffer.TRAILER_ROOM) {
            throw new IllegalArgumentException("buffers of " + bufferBytes + " bytes leave no room for SRTP's trailer ("
                    + SrtpPacketBuffer.TRAILER_ROOM + ")");
        }
        if (maxFreePerThread < 1) {
            throw new IllegalArgumentException("a thread keeps at least 1 free buffer, got " + maxFreePerThread);
        }
        this.bufferBytes = bufferBytes;
        this.maxFreePerThread = maxFreePerThread;
        this.free = ThreadLocal.withInitial(() -> new FreeList(maxFreePerThread));
    }

    /** An empty buffer (offset 0, length 0) that no one else holds: a free one of this thread's, or a new one. */
    public SrtpPacketBuffer acquire() {
        SrtpPacketBuffer buffer = free.get().pop();
        if (buffer == null) {
            allocated.increment();
            return new SrtpPacketBuffer(new byte[bufferBytes], 0, 0);
        }
        buffer.reset(0);
        return buffer;
    }

    /**
     * Gives {@code buffer} back for this thread to reuse; the caller must not touch it afterwards.
     *
     * @throws IllegalStateException if it was released already and not acquired since: two users
     *         would then share it
     */
    public void release(SrtpPacketBuffer buffer) {
        free.get().push(buffer);
    }

    /** Buffers this pool allocated since it was made: once the media path runs, it stops growing. */
    public long buffersAllocated() {
        return allocated.sum();
    }

    /** Buffers waiting in the calling thread's free list. */
    int freeInThisThread() {
        return free.get().size;
    }

    int maxFreePerThread() {
        return maxFreePerThread;
    }

    /** One thread's free buffers: a small stack, scanned on release to catch a buffer released twice. */
    private static final class FreeList {

        private final SrtpPacketBuffer[] buffers;
        private int size;

        FreeList(int capacity) {
            this.buffers = new SrtpPacketBuffer[capacity];
        }

        SrtpPacketBuffer pop() {
            if (size == 0) {
                return null;
            }
            SrtpPacketBuffer buffer = buffers[--size];
            buffers[size] = null;
            return buffer;
        }

        void push(SrtpPacketBuffer buffer) {
            for (int i = 0; i < size; i++) {
                if (buffers[i] == buffer) {
                    throw new IllegalStateException("a packet buffer was released twice");
                }
            }
            if (size < buffers.length) {
                buffers[size++] = buffer;
            }
        }
    }
}
