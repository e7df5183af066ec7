package org.telehealth.recording.capture;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Plays what a media-service fork would send during a visit, paced in real time to a capture's
 * socket: participants' tracks from the fixtures, each with its description, sender reports on its
 * participant's own clock, and an impaired link (loss, reordering, duplicates; seeded, from half a
 * second into each track so that every video starts at a keyframe whatever the encoder's packet
 * sizes make the random draws fall on).
 */
final class ForkSimulator implements AutoCloseable {

    private record Event(long atMillis, long order, byte[] datagram, boolean impaired) {
    }

    private final List<Event> events = new ArrayList<>();
    private final DatagramSocket socket;
    private final Random random = new Random(20_260_611L);
    private double loss;
    private double reorder;
    private double duplicate;
    private long order;
    private int sent;
    private int dropped;

    ForkSimulator() throws IOException {
        socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
    }

    ForkSimulator impair(double loss, double reorder, double duplicate) {
        this.loss = loss;
        this.reorder = reorder;
        this.duplicate = duplicate;
        return this;
    }

    /**
     * A participant's track: from {@code startMillis} (recording time) to {@code endMillis}, the
     * fixture's frames from its start; its sender's clock reads {@code clockMillis} at recording time 0.
     *
     * @param reportFromMillis when its first sender report goes (recording time)
     */
    void track(String participant, String kind, long ssrc, int payloadType, String codec, List<CodedFrames.Frame> frames,
            long startMillis, long endMillis, long clockMillis, long reportFromMillis) {
        boolean video = kind.equals("video");
        int clockRate = video ? 90_000 : 48_000;
        long rtpBase = ssrc * 7 & 0xFFFF_FFFFL;
        int sequenceNumber = (int) (ssrc & 0xFFFF);
        String json = TestPackets.describe(participant, kind, ssrc, payloadType, codec, clockRate);
        for (long at = startMillis; at < endMillis; at += 1000) {
            add(at, TestPackets.description(ssrc, json), false);
        }
        for (long at = reportFromMillis; at < endMillis; at += 500) {
            long mediaMillis = at - startMillis;
            add(at, TestPackets.senderReport(ssrc, TestPackets.ntp(clockMillis + at),
                    (rtpBase + mediaMillis * clockRate / 1000) & 0xFFFF_FFFFL), false);
        }
        int pictureId = 0;
        for (CodedFrames.Frame frame : frames) {
            long at = startMillis + frame.millis();
            if (at >= endMillis) {
                break;
            }
            long timestamp = (rtpBase + frame.millis() * clockRate / 1000) & 0xFFFF_FFFFL;
            List<byte[]> payloads = !video ? List.of(frame.data())
                    : codec.equals("VP8") ? TestPackets.vp8Payloads(pictureId, frame.data())
                    : TestPackets.vp9Payloads(pictureId, frame.data(), TestPackets.isVp9Keyframe(frame.data()),
                            MediaFixture.WIDTH, MediaFixture.HEIGHT);
            pictureId = (pictureId + 1) & 0x7FFF;
            for (int i = 0; i < payloads.size(); i++) {
                boolean marker = i == payloads.size() - 1;
                add(at, TestPackets.rtp(payloadType, marker, sequenceNumber, timestamp, ssrc, payloads.get(i)),
                        frame.millis() > 500);
                sequenceNumber = (sequenceNumber + 1) & 0xFFFF;
            }
        }
    }

    private void add(long atMillis, byte[] datagram, boolean impaired) {
        events.add(new Event(atMillis, order++, datagram, impaired));
    }

    /** Sends everything at its time from now; returns when the last is sent. */
    void play(InetSocketAddress to) throws IOException, InterruptedException {
        events.sort(Comparator.comparingLong(Event::atMillis).thenComparingLong(Event::order));
        long start = System.nanoTime();
        byte[] heldBack = null;
        for (Event event : events) {
            long wait = event.atMillis() - (System.nanoTime() - start) / 1_000_000;
            if (wait > 0) {
                Thread.sleep(wait);
            }
            boolean impaired = event.impaired();
            if (impaired && random.nextDouble() < loss) {
                dropped++;
                continue;
            }
            if (impaired && heldBack == null && random.nextDouble() < reorder) {
                heldBack = event.datagram();
                continue;
            }
            send(event.datagram(), to);
            if (impaired && random.nextDouble() < duplicate) {
                send(event.datagram(), to);
            }
            if (heldBack != null) {
                send(heldBack, to);
                heldBack = null;
            }
        }
        if (heldBack != null) {
            send(heldBack, to);
        }
    }

    private void send(byte[] datagram, InetSocketAddress to) throws IOException {
        socket.send(new DatagramPacket(datagram, datagram.length, to));
        sent++;
    }

    int dropped() {
        return dropped;
    }

    int sent() {
        return sent;
    }

    @Override
    public void close() {
        socket.close();
    }
}
