package org.telehealth.media.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telehealth.media.dtls.DtlsIdentity;
import org.telehealth.media.stun.IceCredentials;
import org.telehealth.media.stun.MessageIntegrity;
import org.telehealth.media.stun.StunMessageEncoder;
import org.telehealth.media.stun.StunMessageType;
import org.telehealth.media.stun.TransactionId;
import org.telehealth.media.transport.MediaTransportConfig;

/**
 * ICE restart on the transport: after new local credentials, checks naming the earlier ones find no
 * session, the first accepted check of the new generation replaces the addresses validated before
 * (they no longer reach the session), and a participant can restart more often than the number of
 * addresses it may validate at once.
 */
class MediaSessionIceRestartTest {

    private static final DtlsIdentity BROWSER_CERTIFICATE = DtlsIdentity.generate(Duration.ofDays(1));

    private final MediaTransport transport = new MediaTransport(new MediaTransportConfig() {
        @Override
        public String bindAddress() {
            return "127.0.0.1";
        }

        @Override
        public int port() {
            return 0;
        }

        @Override
        public Optional<String> advertisedAddress() {
            return Optional.empty();
        }

        @Override
        public int socketBufferBytes() {
            return 65536;
        }
    });
    private final MediaSession session = transport.newSession("room/alice");
    private final InboundDatagramRouter router = transport.router();
    private int transaction;

    @AfterEach
    void closeSocket() {
        transport.stop(null);
    }

    @Test
    void shouldTellAnOfferThatRestartsIceFromARenegotiation() {
        assertThat(session.restartsIce("brws1")).as("the first offer").isFalse();
        session.expectPeer(peer("brws1"));

        assertThat(session.restartsIce("brws1")).isFalse();
        assertThat(session.restartsIce("brws2")).isTrue();
    }

    @Test
    void shouldServeOnlyTheNewGenerationAfterARestart() {
        session.expectPeer(peer("brws1"));
        IceCredentials first = session.localIce();
        check(first, "brws1", address(50001));
        check(first, "brws1", address(50002));
        assertThat(session.validatedAddresses()).containsExactlyInAnyOrder(address(50001), address(50002));

        IceCredentials fresh = MediaSession.newIceCredentials();
        transport.restartIce(session, fresh);
        session.expectPeer(peer("brws2"));

        assertThat(session.localIce()).isEqualTo(fresh);
        long unroutable = router.unroutable();
        check(first, "brws1", address(50001));
        assertThat(router.unroutable()).as("a check naming the earlier ufrag finds no session").isEqualTo(unroutable + 1);
        assertThat(session.validatedAddresses()).as("kept until the new generation succeeds").hasSize(2);

        check(fresh, "brws2", address(50003));
        assertThat(session.validatedAddresses()).containsExactly(address(50003));
        media(address(50001));
        assertThat(router.unroutable()).as("the earlier generation's address no longer reaches the session")
                .isEqualTo(unroutable + 2);
        long rejected = router.rejected();
        media(address(50003));
        assertThat(router.rejected()).as("the new address reaches the session (no SRTP yet: rejected there)")
                .isEqualTo(rejected + 1);
    }

    @Test
    void shouldLetAParticipantRestartMoreOftenThanItMayValidateAddresses() {
        String browserUfrag = "brws0";
        session.expectPeer(peer(browserUfrag));
        int port = 51000;
        for (int generation = 1; generation <= MediaSession.MAX_VALIDATED_ADDRESSES; generation++) {
            for (int i = 0; i < 3; i++) {
                check(session.localIce(), browserUfrag, address(port++));
            }
            assertThat(session.validatedAddresses()).as("generation " + generation).hasSize(3);
            browserUfrag = "brws" + generation;
            transport.restartIce(session, MediaSession.newIceCredentials());
            session.expectPeer(peer(browserUfrag));
        }
    }

    private void check(IceCredentials local, String browserUfrag, InetSocketAddress from) {
        byte[] check = new StunMessageEncoder(StunMessageType.BINDING_REQUEST, new TransactionId(7L, ++transaction))
                .username(local.ufrag() + ":" + browserUfrag)
                .priority(1853824767L)
                .iceControlling(42L)
                .useCandidate()
                .messageIntegrity(new MessageIntegrity(local.password()))
                .fingerprint()
                .toByteArray();
        router.onDatagram(check, check.length, from);
    }

    /** An SRTP-shaped datagram: the router hands it to the session of its address, which cannot decrypt it yet. */
    private void media(InetSocketAddress from) {
        byte[] rtp = {(byte) 0x80, 96, 0, 1, 0, 0, 0, 1, 0, 0, 0, 42, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        router.onDatagram(rtp, rtp.length, from);
    }

    private static MediaSession.PeerIdentity peer(String ufrag) {
        return new MediaSession.PeerIdentity(ufrag, BROWSER_CERTIFICATE.fingerprint());
    }

    private static InetSocketAddress address(int port) {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }
}
