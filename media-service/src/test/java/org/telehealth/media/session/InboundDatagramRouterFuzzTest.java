package org.telehealth.media.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.telehealth.media.dtls.DtlsIdentity;
import org.telehealth.media.stun.MessageIntegrity;
import org.telehealth.media.stun.StunMessageEncoder;
import org.telehealth.media.stun.StunMessageType;
import org.telehealth.media.stun.TransactionId;

/**
 * A million random and mutated datagrams (STUN, DTLS, RTP, RTCP shapes and garbage) from unknown
 * addresses and from a participant's validated address: the router never throws, never answers a
 * stranger, and keeps answering the real participant's checks afterwards.
 */
class InboundDatagramRouterFuzzTest {

    private static final int DATAGRAMS = 1_000_000;

    @Test
    void shouldSurviveAMillionHostileDatagramsAndStillServeTheParticipant() throws Exception {
        Random random = new Random(20261121);
        InetSocketAddress browser = new InetSocketAddress(InetAddress.getLoopbackAddress(), 50000);
        List<InetSocketAddress> repliesTo = new ArrayList<>();
        Executor noHandshakes = command -> { }; // DTLS records queue up; no handshake thread runs
        MediaSessionDirectory directory = new MediaSessionDirectory();
        MediaSession session = new MediaSession("room/alice", DtlsIdentity.generate(Duration.ofDays(1)), noHandshakes,
                (data, offset, length, to) -> repliesTo.add(to));
        session.expectPeer(new MediaSession.PeerIdentity("brws", DtlsIdentity.generate(Duration.ofDays(1)).fingerprint()));
        directory.register(session);
        AtomicLong delivered = new AtomicLong();
        InboundDatagramRouter router = new InboundDatagramRouter(directory, (from, packet, rtcp) -> delivered.incrementAndGet());

        byte[] first = validCheck(session, random);
        router.onDatagram(first, first.length, browser);
        assertThat(repliesTo).containsExactly(browser);
        repliesTo.clear();

        byte[] template = validCheck(session, random);
        for (int i = 0; i < DATAGRAMS; i++) {
            byte[] datagram = hostile(random, template);
            InetSocketAddress from = i % 2 == 0 ? browser
                    : new InetSocketAddress(InetAddress.getLoopbackAddress(), 1024 + random.nextInt(60000));
            router.onDatagram(datagram, datagram.length, from);
        }

        assertThat(repliesTo).as("answers only ever go to the validated participant").allMatch(browser::equals);
        assertThat(delivered.get()).as("no forged media passes SRTP").isZero();
        assertThat(router.unroutable() + router.rejected()).isPositive();
        repliesTo.clear();
        byte[] stillValid = validCheck(session, random);
        router.onDatagram(stillValid, stillValid.length, browser);
        assertThat(repliesTo).containsExactly(browser);
    }

    private static byte[] validCheck(MediaSession session, Random random) {
        return new StunMessageEncoder(StunMessageType.BINDING_REQUEST, new TransactionId(random.nextLong(), random.nextInt()))
                .username(session.localIce().ufrag() + ":brws")
                .priority(1853824767L)
                .iceControlling(random.nextLong())
                .messageIntegrity(new MessageIntegrity(session.localIce().password()))
                .fingerprint()
                .toByteArray();
    }

    private static byte[] hostile(Random random, byte[] stunTemplate) {
        int shape = random.nextInt(6);
        byte[] datagram;
        switch (shape) {
            case 0 -> { // a valid check with bytes flipped (at distinct places, so it is never the original:
                        // a verbatim replay from another address is a valid check by ICE's rules)
                datagram = stunTemplate.clone();
                int first = random.nextInt(datagram.length);
                datagram[first] ^= (byte) (1 + random.nextInt(255));
                if (random.nextBoolean()) {
                    int second = (first + 1 + random.nextInt(datagram.length - 1)) % datagram.length;
                    datagram[second] ^= (byte) (1 + random.nextInt(255));
                }
            }
            case 1 -> { // truncated check
                datagram = Arrays.copyOf(stunTemplate, random.nextInt(stunTemplate.length));
            }
            case 2 -> { // DTLS-looking record
                datagram = randomBytes(random, 1 + random.nextInt(300));
                datagram[0] = (byte) (20 + random.nextInt(44));
            }
            case 3 -> { // RTP-looking packet
                datagram = randomBytes(random, 1 + random.nextInt(1300));
                datagram[0] = (byte) (0x80 | random.nextInt(0x40));
            }
            case 4 -> { // RTCP-looking packet
                datagram = randomBytes(random, 1 + random.nextInt(200));
                datagram[0] = (byte) 0x81;
                if (datagram.length > 1) {
                    datagram[1] = (byte) (192 + random.nextInt(32));
                }
            }
            default -> datagram = randomBytes(random, random.nextInt(1500));
        }
        return datagram;
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
