package org.telehealth.media.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.telehealth.media.dtls.DtlsIdentity;
import org.telehealth.media.stun.MessageIntegrity;
import org.telehealth.media.stun.StunMessageEncoder;
import org.telehealth.media.stun.StunMessageType;
import org.telehealth.media.stun.TransactionId;

class MediaSessionConsentTest {

    private static final DtlsIdentity IDENTITY = DtlsIdentity.generate(Duration.ofDays(1));
    private static final InetSocketAddress BROWSER = new InetSocketAddress(InetAddress.getLoopbackAddress(), 50000);

    @Test
    void shouldGiveUpOnABrowserThatNeverCompletesACheck() {
        MediaSession session = session();
        long start = System.nanoTime();

        assertThat(session.consentLapsed(start + TimeUnit.SECONDS.toNanos(50))).isFalse();
        assertThat(session.consentLapsed(start + TimeUnit.SECONDS.toNanos(61))).isTrue();
    }

    @Test
    void shouldEndConsentThirtySecondsAfterTheLastSuccessfulCheck() {
        MediaSession session = session();
        byte[] check = check(session);

        assertThat(session.onStun(check, check.length, BROWSER)).isNotEqualTo(MediaSession.CheckOutcome.REFUSED);
        long checkedAt = System.nanoTime();

        assertThat(session.consentLapsed(checkedAt + TimeUnit.SECONDS.toNanos(25))).isFalse();
        assertThat(session.consentLapsed(checkedAt + TimeUnit.SECONDS.toNanos(31))).isTrue();
    }

    @Test
    void shouldNotAcceptChecksFromABrowserItWasNotToldAbout() {
        MediaSession session = new MediaSession("room/x", IDENTITY, Runnable::run, (data, offset, length, to) -> { });
        byte[] check = check(session);

        assertThat(session.onStun(check, check.length, BROWSER)).isEqualTo(MediaSession.CheckOutcome.REFUSED);
    }

    private static MediaSession session() {
        MediaSession session = new MediaSession("room/alice", IDENTITY, Runnable::run, (data, offset, length, to) -> { });
        session.expectPeer(new MediaSession.PeerIdentity("brws", IDENTITY.fingerprint()));
        return session;
    }

    private static byte[] check(MediaSession session) {
        return new StunMessageEncoder(StunMessageType.BINDING_REQUEST, new TransactionId(1L, 2))
                .username(session.localIce().ufrag() + ":brws")
                .priority(1853824767L)
                .iceControlling(42L)
                .messageIntegrity(new MessageIntegrity(session.localIce().password()))
                .fingerprint()
                .toByteArray();
    }
}
