package org.telehealth.media.benchmark;

import java.io.IOException;
import java.net.PortUnreachableException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.telehealth.media.rtp.MalformedRtpException;
import org.telehealth.media.rtp.RtpPacket;
import org.telehealth.media.srtp.SrtpPacketBuffer;

/**
 * The load generator's one receiving thread: a selector over every endpoint's socket. It takes the
 * arrival time as soon as a datagram is read, decrypts SRTP (which also authenticates what the SFU
 * forwarded), and counts the packets tagged with the step being measured, with their latency.
 * Packets that fail SRTP count as lost; STUN answers and the SFU's RTCP (keyframe requests) are
 * not media and are skipped.
 *
 * <p>The histogram belongs to this thread; {@link #finishStep} hands it over through a future, so
 * the measuring thread reads it safely, and starts a fresh one.
 */
final class ReceiveLoop implements AutoCloseable {

    private static final int SELECT_TIMEOUT_MILLIS = 10;

    private final Selector selector;
    private final Thread thread;
    private final byte[] bytes = new byte[2048];
    private final ByteBuffer buffer = ByteBuffer.wrap(bytes);
    private volatile int measuredTag = ProbePayload.UNMEASURED;
    private volatile CompletableFuture<LatencyHistogram> finishRequest;
    private volatile boolean running = true;
    private LatencyHistogram latencies = new LatencyHistogram();

    ReceiveLoop(List<LoadEndpoint> endpoints) throws IOException {
        selector = Selector.open();
        for (LoadEndpoint endpoint : endpoints) {
            endpoint.channel().configureBlocking(false);
            endpoint.channel().register(selector, SelectionKey.OP_READ, endpoint);
        }
        thread = new Thread(this::run, "load-receiver");
        thread.setDaemon(true);
        thread.start();
    }

    /** Counts packets tagged {@code tag} from now on. */
    void measure(int tag) {
        measuredTag = tag;
    }

    /** Stops counting and returns the latencies of the measured packets that arrived since {@link #measure}. */
    LatencyHistogram finishStep() throws InterruptedException {
        CompletableFuture<LatencyHistogram> request = new CompletableFuture<>();
        finishRequest = request;
        selector.wakeup();
        try {
            return request.get(5, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the receiving thread did not hand over its counters", e);
        }
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
                handOverIfAsked();
                if (selector.select(SELECT_TIMEOUT_MILLIS) == 0) {
                    continue;
                }
                Iterator<SelectionKey> ready = selector.selectedKeys().iterator();
                while (ready.hasNext()) {
                    SelectionKey key = ready.next();
                    ready.remove();
                    drain((LoadEndpoint) key.attachment());
                }
            }
        } catch (IOException | ClosedSelectorException e) {
            if (running) {
                throw new IllegalStateException("the load generator's receiver failed", e);
            }
        }
    }

    private void handOverIfAsked() {
        CompletableFuture<LatencyHistogram> request = finishRequest;
        if (request != null) {
            finishRequest = null;
            measuredTag = ProbePayload.UNMEASURED;
            request.complete(latencies);
            latencies = new LatencyHistogram();
        }
    }

    private void drain(LoadEndpoint endpoint) throws IOException {
        while (true) {
            buffer.clear();
            int length;
            try {
                length = endpoint.channel().read(buffer);
            } catch (PortUnreachableException serverGone) {
                return;
            }
            if (length <= 0) {
                return;
            }
            long arrivedNanos = System.nanoTime();
            onDatagram(endpoint, length, arrivedNanos);
        }
    }

    private void onDatagram(LoadEndpoint endpoint, int length, long arrivedNanos) {
        int first = bytes[0] & 0xFF;
        int payloadType = bytes[1] & 0xFF;
        if (first < 128 || first > 191 || (payloadType >= 192 && payloadType <= 223)) {
            return; // STUN answers to consent checks, the SFU's RTCP (RFC 7983, RFC 5761)
        }
        int rtpLength = length;
        if (endpoint.srtp().isPresent()) {
            SrtpPacketBuffer srtp = new SrtpPacketBuffer(bytes, 0, length);
            if (!endpoint.srtp().get().decryptRtp(srtp)) {
                return; // counts as lost
            }
            rtpLength = srtp.getLength();
        }
        RtpPacket rtp;
        try {
            rtp = RtpPacket.parse(bytes, 0, rtpLength);
        } catch (MalformedRtpException e) {
            return; // counts as lost
        }
        int tag = ProbePayload.stepTag(bytes, rtp.payloadOffset());
        if (tag != ProbePayload.UNMEASURED && tag == measuredTag) {
            latencies.record(arrivedNanos - ProbePayload.sendNanos(bytes, rtp.payloadOffset()));
        }
    }
}
