package org.telehealth.media.session;

import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import org.telehealth.media.srtp.SrtpPacketBuffer;
import org.telehealth.media.stun.MalformedStunException;
import org.telehealth.media.stun.StunMessageDecoder;
import org.telehealth.media.transport.PacketClassifier;
import org.telehealth.media.transport.UdpMediaSocket;

/**
 * First stop of every datagram on the media port: tells STUN, DTLS, RTP and RTCP apart by their
 * first byte (RFC 7983), finds the participant's session and hands the datagram to it. Decrypted
 * media goes on to the {@link MediaSink}. Runs on the socket's reader thread; whatever arrives, it
 * counts and drops what it cannot place, and never throws.
 */
public final class InboundDatagramRouter implements UdpMediaSocket.DatagramHandler {

    private final MediaSessionDirectory directory;
    private final MediaSink sink;
    private final StunMessageDecoder stunDecoder = new StunMessageDecoder();
    private final LongAdder unroutable = new LongAdder();
    private final LongAdder rejected = new LongAdder();

    /** Receives media that passed SRTP authentication, still in the session's buffer. */
    @FunctionalInterface
    public interface MediaSink {
        void accept(MediaSession from, SrtpPacketBuffer packet, boolean rtcp);
    }

    public InboundDatagramRouter(MediaSessionDirectory directory, MediaSink sink) {
        this.directory = directory;
        this.sink = sink;
    }

    @Override
    public void onDatagram(byte[] data, int length, InetSocketAddress from) {
        switch (PacketClassifier.classify(data, 0, length)) {
            case STUN -> routeStun(data, length, from);
            case DTLS -> directory.byAddress(from).ifPresentOrElse(s -> s.onDtls(data, length), unroutable::increment);
            case RTP -> routeMedia(data, length, from, false);
            case RTCP -> routeMedia(data, length, from, true);
            default -> unroutable.increment();
        }
    }

    /** Datagrams from addresses or ufrags no session knows, and unclassifiable ones. */
    public long unroutable() {
        return unroutable.sum();
    }

    /** Media that failed SRTP authentication or replay checks. */
    public long rejected() {
        return rejected.sum();
    }

    private void routeStun(byte[] data, int length, InetSocketAddress from) {
        Optional<MediaSession> session;
        try {
            session = stunDecoder.decode(data, 0, length).username()
                    .map(username -> username.substring(0, Math.max(0, username.indexOf(':'))))
                    .flatMap(directory::byUfrag);
        } catch (MalformedStunException e) {
            session = Optional.empty();
        }
        if (session.isEmpty()) {
            unroutable.increment(); // never answer checks for sessions we do not have
            return;
        }
        switch (session.get().onStun(data, length, from)) {
            case ACCEPTED_NEW_GENERATION -> {
                directory.unbind(session.get()); // the earlier ICE generation's addresses
                directory.bind(from, session.get());
            }
            case ACCEPTED -> directory.bind(from, session.get());
            case REFUSED -> { }
        }
    }

    private void routeMedia(byte[] data, int length, InetSocketAddress from, boolean rtcp) {
        Optional<MediaSession> session = directory.byAddress(from);
        if (session.isEmpty()) {
            unroutable.increment();
            return;
        }
        SrtpPacketBuffer packet = new SrtpPacketBuffer(data, 0, length);
        if (!session.get().unprotect(packet, rtcp)) {
            session.get().stats().droppedSrtp();
            rejected.increment();
            return;
        }
        if (rtcp) {
            session.get().stats().receivedRtcp();
        } else {
            session.get().stats().receivedRtp(packet.getLength());
        }
        sink.accept(session.get(), packet, rtcp);
    }
}
