package org.telehealth.recording.benchmark;

import java.io.IOException;
import java.net.PortUnreachableException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Reads what the SFU forwards to the synthetic participants, one thread and one selector for all of
 * their sockets, and counts it: a participant whose socket is not read would fill its buffer and
 * make the kernel drop datagrams, which would blur the drops the benchmark looks for at the
 * recorders. The media is not decrypted; the count shows the SFU forwarded what was sent.
 */
final class ForwardedMediaReader implements AutoCloseable {

    private static final int SELECT_TIMEOUT_MILLIS = 50;

    private final Selector selector;
    private final Queue<DatagramChannel> added = new ConcurrentLinkedQueue<>();
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(2048);
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long datagrams;

    ForwardedMediaReader() throws IOException {
        selector = Selector.open();
        thread = new Thread(this::run, "forwarded-media-reader");
        thread.setDaemon(true);
        thread.start();
    }

    /** Reads {@code channels} (non-blocking, connected to the SFU) from now on. */
    void add(List<DatagramChannel> channels) {
        added.addAll(channels);
        selector.wakeup();
    }

    /** Datagrams read so far. */
    long datagrams() {
        return datagrams;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        running = false;
        selector.wakeup();
        thread.join(2_000);
        selector.close();
    }

    private void run() {
        try {
            while (running) {
                for (DatagramChannel channel = added.poll(); channel != null; channel = added.poll()) {
                    channel.configureBlocking(false);
                    channel.register(selector, SelectionKey.OP_READ);
                }
                if (selector.select(SELECT_TIMEOUT_MILLIS) == 0) {
                    continue;
                }
                Iterator<SelectionKey> ready = selector.selectedKeys().iterator();
                while (ready.hasNext()) {
                    SelectionKey key = ready.next();
                    ready.remove();
                    drain((DatagramChannel) key.channel());
                }
            }
        } catch (IOException | ClosedSelectorException e) {
            if (running) {
                throw new IllegalStateException("reading the forwarded media failed", e);
            }
        }
    }

    private void drain(DatagramChannel channel) throws IOException {
        long read = 0;
        while (true) {
            buffer.clear();
            int length;
            try {
                length = channel.read(buffer);
            } catch (PortUnreachableException sfuGone) {
                break;
            }
            if (length <= 0) {
                break;
            }
            read++;
        }
        datagrams += read;
    }
}
