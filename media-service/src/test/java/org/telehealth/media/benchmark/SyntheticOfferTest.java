package org.telehealth.media.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.telehealth.media.dtls.DtlsIdentity;
import org.telehealth.media.sdp.AnswerBuilder;
import org.telehealth.media.sdp.Direction;
import org.telehealth.media.sdp.HostCandidate;
import org.telehealth.media.sdp.LocalEndpoint;
import org.telehealth.media.sdp.Offer;
import org.telehealth.media.sdp.OfferReader;
import org.telehealth.media.sdp.OfferedMedia;
import org.telehealth.media.sdp.OutgoingTrack;
import org.telehealth.media.sdp.SdpParser;
import org.telehealth.media.sdp.SsrcGroup;
import org.telehealth.media.stun.IceCredentials;

/** The benchmark's synthetic offers are what the SFU accepts, and its answers are what the participants read. */
class SyntheticOfferTest {

    private static final IceCredentials BROWSER = new IceCredentials("brws1234", "browserPassword0123456789");
    private static final IceCredentials SFU = new IceCredentials("sfu12345", "sfuPassword0123456789abcd");
    private static final SyntheticOffer.PublishedSsrcs SSRCS = new SyntheticOffer.PublishedSsrcs(11, 22, 33);

    private final DtlsIdentity identity = DtlsIdentity.generate(Duration.ofDays(1));
    private final SyntheticOffer offer = new SyntheticOffer(BROWSER, identity.fingerprint(), SSRCS, "room-0-participant-0");

    @Test
    void shouldPublishAudioAndVideoWithRtxThatTheSfuReads() throws Exception {
        Offer read = OfferReader.read(SdpParser.parse(offer.publishing()));

        assertThat(read.iceCredentials()).isEqualTo(BROWSER);
        assertThat(read.fingerprint()).isEqualTo(identity.fingerprint());
        assertThat(read.media()).extracting(OfferedMedia::direction).containsExactly(Direction.SENDONLY, Direction.SENDONLY);
        assertThat(read.media().get(0).ssrcs()).extracting(ssrc -> ssrc.id()).containsOnly(11L);
        assertThat(read.media().get(1).ssrcGroups(SsrcGroup.FID)).singleElement()
                .satisfies(group -> assertThat(group.ssrcs()).containsExactly(22L, 33L));
    }

    @Test
    void shouldAddAnAudioAndAVideoReceivingSectionPerOtherParticipant() throws Exception {
        Offer read = OfferReader.read(SdpParser.parse(offer.withReceivers(3)));

        assertThat(read.bundleGroup()).containsExactly("0", "1", "2", "3", "4", "5", "6", "7");
        assertThat(read.media().subList(2, 8)).allSatisfy(media -> assertThat(media.direction()).isEqualTo(Direction.RECVONLY));
    }

    @Test
    void shouldReadTheSfuCredentialsCandidateAndAssignedTracksFromItsAnswer() throws Exception {
        InetSocketAddress media = new InetSocketAddress(InetAddress.getLoopbackAddress(), 40000);
        AnswerBuilder builder = new AnswerBuilder(new LocalEndpoint(1, SFU, identity.fingerprint(),
                List.of(new HostCandidate(media.getAddress(), media.getPort()))));
        OutgoingTrack other = OutgoingTrack.withoutRtx(44, "other", "stream", "microphone");

        String answer = builder.answer(OfferReader.read(SdpParser.parse(offer.withReceivers(1))), 2, Map.of("2", other)).sdp();

        assertThat(SdpAnswerView.of(answer)).isEqualTo(new SdpAnswerView(SFU, media, 1));
    }
}
