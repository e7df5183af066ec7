package org.telehealth.media.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.telehealth.media.dtls.BrowserLikeDtlsClient;
import org.telehealth.media.dtls.DtlsIdentity;
import org.telehealth.media.dtls.SrtpKeyMaterial;
import org.telehealth.media.dtls.SrtpProfile;
import org.telehealth.media.sdp.MalformedSdpException;
import org.telehealth.media.srtp.SrtpSession;
import org.telehealth.media.stun.IceCredentials;

/**
 * A browser as the SFU sees it, without the browser: it joins a room through the control API,
 * offers to publish audio and video, nominates the SFU's candidate with a signed connectivity
 * check, runs the DTLS handshake as a client (the tests' browser-like client) and keeps the SRTP
 * keys. Then it offers again with receiving sections for the room's other participants. Setup is
 * blocking, one participant at a time; media is sent and received by the load generator.
 */
final class SyntheticParticipant {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ICE_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();
    private static final int[] BROWSER_SRTP_PROFILES = {
        SrtpProfile.AEAD_AES_128_GCM.id(), SrtpProfile.AES128_CM_HMAC_SHA1_80.id()
    };
    private static final Duration SETUP_TIMEOUT = Duration.ofSeconds(10);

    private final String room;
    private final String id;
    private final DatagramChannel channel;
    private final SyntheticOffer offer;
    private final SyntheticOffer.PublishedSsrcs ssrcs;
    private IceConnectivityCheck check;
    private SrtpSession srtp;
    private LoadEndpoint endpoint;
    private List<OutboundStream> streams;

    private SyntheticParticipant(String room, String id, DatagramChannel channel, SyntheticOffer offer,
            SyntheticOffer.PublishedSsrcs ssrcs) {
        this.room = room;
        this.id = id;
        this.channel = channel;
        this.offer = offer;
        this.ssrcs = ssrcs;
    }

    /** Joins {@code room}, publishes, and connects: ICE nomination, DTLS, SRTP keys. */
    static SyntheticParticipant connect(ControlApiClient control, String room, String id, SyntheticOffer.PublishedSsrcs ssrcs,
            int socketBufferBytes) throws IOException, InterruptedException {
        DatagramChannel channel = DatagramChannel.open();
        channel.setOption(StandardSocketOptions.SO_RCVBUF, socketBufferBytes);
        channel.setOption(StandardSocketOptions.SO_SNDBUF, socketBufferBytes);
        channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        DtlsIdentity identity = DtlsIdentity.generate(Duration.ofDays(1));
        IceCredentials ice = new IceCredentials(randomIceString(8), randomIceString(24));
        SyntheticParticipant participant = new SyntheticParticipant(room, id, channel,
                new SyntheticOffer(ice, identity.fingerprint(), ssrcs, room + "-" + id), ssrcs);

        control.join(room, id);
        SdpAnswerView answer = answerView(control.offer(room, id, participant.offer.publishing()));
        channel.connect(answer.candidate());
        participant.check = new IceConnectivityCheck(ice, answer.ice());
        participant.nominate();
        participant.srtp = SrtpSession.forClient(participant.handshake(identity));
        return participant;
    }

    /** Offers again with an audio and a video receiving section per other participant of the room. */
    void receiveOthers(ControlApiClient control, int others) throws IOException, InterruptedException {
        SdpAnswerView answer = answerView(control.offer(room, id, offer.withReceivers(others)));
        if (answer.sectionsWithTrack() != 2 * others) {
            throw new IOException(room + "/" + id + " was given " + answer.sectionsWithTrack() + " of " + 2 * others
                    + " tracks to receive");
        }
    }

    /** Room and participant id, for logs. */
    String name() {
        return room + "/" + id;
    }

    SyntheticOffer.PublishedSsrcs ssrcs() {
        return ssrcs;
    }

    /** The CNAME (and msid stream id) its offers give every stream it sends. */
    String cname() {
        return room + "-" + id;
    }

    /** The participant's socket, ready for the generator's selector. */
    LoadEndpoint endpoint() throws IOException {
        if (endpoint == null) {
            channel.configureBlocking(false);
            endpoint = new LoadEndpoint(room + "/" + id, channel, Optional.of(srtp), Optional.of(check));
        }
        return endpoint;
    }

    /**
     * The participant's microphone and camera streams, made once: a stream's sequence numbers must
     * go on across load generators, or the SFU's SRTP replay check would drop it as replayed.
     */
    List<OutboundStream> streams(TrafficPlan.PacketSizes sizes, int fanout) throws IOException {
        if (streams == null) {
            streams = List.of(new OutboundStream(endpoint(), OutboundStream.Kind.AUDIO, ssrcs.audio(), sizes.audio(), fanout),
                    new OutboundStream(endpoint(), OutboundStream.Kind.VIDEO, ssrcs.video(), sizes.video(), fanout));
        }
        return streams;
    }

    /** Sends the nominating check until its answer comes, again with the same transaction id, as RFC 8489 §6.2.1 says. */
    private void nominate() throws IOException {
        long deadline = System.nanoTime() + SETUP_TIMEOUT.toNanos();
        byte[] buffer = new byte[2048];
        IceConnectivityCheck.Request request = check.request();
        int timeoutMillis = 100;
        while (System.nanoTime() < deadline) {
            channel.write(ByteBuffer.wrap(request.bytes()));
            channel.socket().setSoTimeout(timeoutMillis);
            DatagramPacket response = new DatagramPacket(buffer, buffer.length);
            try {
                channel.socket().receive(response);
                if (check.isSuccessResponse(request, buffer, response.getLength())) {
                    return;
                }
            } catch (SocketTimeoutException retransmit) {
                timeoutMillis = Math.min(2 * timeoutMillis, 1_600);
            }
        }
        throw new IOException(room + "/" + id + ": no answer to the connectivity check within " + SETUP_TIMEOUT);
    }

    private SrtpKeyMaterial handshake(DtlsIdentity identity) throws IOException, InterruptedException {
        BrowserLikeDtlsClient.Link link = new BrowserLikeDtlsClient.Link();
        link.connectTo(datagram -> {
            try {
                channel.write(ByteBuffer.wrap(datagram));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        CompletableFuture<SrtpKeyMaterial> keys = BrowserLikeDtlsClient.connect(identity, BROWSER_SRTP_PROFILES, link).keys();
        long deadline = System.nanoTime() + SETUP_TIMEOUT.toNanos();
        byte[] buffer = new byte[2048];
        channel.socket().setSoTimeout(20);
        while (!keys.isDone() && System.nanoTime() < deadline) {
            DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
            try {
                channel.socket().receive(datagram);
            } catch (SocketTimeoutException nothingYet) {
                continue;
            }
            int first = buffer[0] & 0xFF;
            if (first >= 20 && first <= 63) { // DTLS (RFC 7983)
                link.deliver(Arrays.copyOf(buffer, datagram.getLength()));
            }
        }
        if (!keys.isDone()) {
            throw new IOException(room + "/" + id + ": DTLS handshake not done within " + SETUP_TIMEOUT);
        }
        return keys.join();
    }

    private static SdpAnswerView answerView(String answer) throws IOException {
        try {
            return SdpAnswerView.of(answer);
        } catch (MalformedSdpException e) {
            throw new IOException("the SFU's answer does not parse: " + e.getMessage(), e);
        }
    }

    private static String randomIceString(int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = ICE_CHARS[RANDOM.nextInt(ICE_CHARS.length)];
        }
        return new String(chars);
    }
}
