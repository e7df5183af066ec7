package org.telehealth.media.benchmark;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Who sends what in a run: the generator's endpoints and their streams, each participant sending
 * one audio stream (fixed rate) and one video stream (the rate that sets the load). A step asks for
 * a number of packets per second that receivers should get in all; the plan turns it into a video
 * rate. The same shape drives the SFU and the UDP echo, so their figures compare.
 */
final class TrafficPlan {

    static final double AUDIO_PACKETS_PER_SECOND = 50;
    private static final double MIN_VIDEO_PACKETS_PER_SECOND = 10;

    private final String target;
    private final List<LoadEndpoint> endpoints;
    private final List<OutboundStream> streams;
    private final Random phases = new Random(7);

    private TrafficPlan(String target, List<LoadEndpoint> endpoints, List<OutboundStream> streams) {
        this.target = target;
        this.endpoints = List.copyOf(endpoints);
        this.streams = List.copyOf(streams);
    }

    /** Connected SFU participants; each packet goes to the {@code roomSize - 1} others of its room. */
    static TrafficPlan throughSfu(List<SyntheticParticipant> participants, int roomSize, PacketSizes sizes) throws IOException {
        List<LoadEndpoint> endpoints = new ArrayList<>();
        List<OutboundStream> streams = new ArrayList<>();
        for (SyntheticParticipant participant : participants) {
            endpoints.add(participant.endpoint());
            streams.addAll(participant.streams(sizes, roomSize - 1));
        }
        return new TrafficPlan("media-service", endpoints, streams);
    }

    /** As many plain-RTP clients of the echo as the SFU has participants; each packet comes back once. */
    static TrafficPlan throughEcho(InetSocketAddress echo, int clients, PacketSizes sizes, int socketBufferBytes)
            throws IOException {
        List<LoadEndpoint> endpoints = new ArrayList<>();
        List<OutboundStream> streams = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            DatagramChannel channel = DatagramChannel.open();
            channel.setOption(StandardSocketOptions.SO_RCVBUF, socketBufferBytes);
            channel.setOption(StandardSocketOptions.SO_SNDBUF, socketBufferBytes);
            channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            channel.connect(echo);
            LoadEndpoint endpoint = new LoadEndpoint("echo-client-" + i, channel, Optional.empty(), Optional.empty());
            endpoints.add(endpoint);
            streams.add(new OutboundStream(endpoint, OutboundStream.Kind.AUDIO, 0x0E000000L + 2 * i, sizes.audio(), 1));
            streams.add(new OutboundStream(endpoint, OutboundStream.Kind.VIDEO, 0x0E000001L + 2 * i, sizes.video(), 1));
        }
        return new TrafficPlan("udp-echo", endpoints, streams);
    }

    /** RTP packet sizes before SRTP's tag, bytes. */
    record PacketSizes(int audio, int video) {
    }

    String target() {
        return target;
    }

    List<LoadEndpoint> endpoints() {
        return endpoints;
    }

    List<OutboundStream> streams() {
        return streams;
    }

    int participants() {
        return endpoints.size();
    }

    /**
     * Sets the video rate so that receivers should get {@code packetsPerSecond} in all (audio
     * included); returns what they should get, which is more when the audio alone exceeds it.
     */
    double offer(double packetsPerSecond) {
        double audio = 0;
        double videoFanout = 0;
        for (OutboundStream stream : streams) {
            if (stream.kind() == OutboundStream.Kind.AUDIO) {
                audio += AUDIO_PACKETS_PER_SECOND * stream.fanout();
            } else {
                videoFanout += stream.fanout();
            }
        }
        double video = Math.max(MIN_VIDEO_PACKETS_PER_SECOND, (packetsPerSecond - audio) / videoFanout);
        long now = System.nanoTime();
        for (OutboundStream stream : streams) {
            stream.rate(stream.kind() == OutboundStream.Kind.AUDIO ? AUDIO_PACKETS_PER_SECOND : video, now, phases.nextDouble());
        }
        return audio + video * videoFanout;
    }

    /** Packets receivers should have got from everything sent tagged with measured steps, since the start. */
    long expectedDeliveries() {
        long expected = 0;
        for (OutboundStream stream : streams) {
            expected += stream.measuredSent() * stream.fanout();
        }
        return expected;
    }

    void close() throws IOException {
        for (LoadEndpoint endpoint : endpoints) {
            endpoint.channel().close();
        }
    }
}
