package org.telehealth.media.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import org.telehealth.media.room.Participant;
import org.telehealth.media.sdp.AnswerBuilder;
import org.telehealth.media.sdp.HostCandidate;
import org.telehealth.media.sdp.LocalEndpoint;
import org.telehealth.media.sdp.MalformedSdpException;
import org.telehealth.media.sdp.Offer;
import org.telehealth.media.sdp.OfferReader;
import org.telehealth.media.sdp.SdpParser;
import org.telehealth.media.sdp.UnacceptableOfferException;
import org.telehealth.media.session.MediaSession;
import org.telehealth.media.session.MediaTransport;

/**
 * Answers a participant's SDP offer: checks it, tells the participant's media session whom to
 * expect (ICE ufrag, DTLS fingerprint), and builds the SFU's answer with this instance's ICE
 * credentials, certificate fingerprint and host candidate. A bad offer changes nothing.
 */
@ApplicationScoped
public class NegotiationService {

    private final MediaTransport transport;
    private final long sessionId = new SecureRandom().nextLong() & Long.MAX_VALUE;

    public NegotiationService(MediaTransport transport) {
        this.transport = transport;
    }

    public String answer(Participant participant, String offerSdp) {
        Offer offer;
        try {
            offer = OfferReader.read(SdpParser.parse(offerSdp));
        } catch (MalformedSdpException e) {
            throw ControlException.badRequest("malformed SDP offer: " + e.getMessage());
        } catch (UnacceptableOfferException e) {
            throw ControlException.badRequest("unacceptable SDP offer: " + e.getMessage());
        }
        MediaSession session = participant.session();
        LocalEndpoint local = new LocalEndpoint(sessionId, session.localIce(), transport.identity().fingerprint(),
                List.of(new HostCandidate(transport.advertisedAddress().getAddress(), transport.advertisedAddress().getPort())));
        String answer;
        try {
            answer = new AnswerBuilder(local).answer(offer, session.nextSdpVersion(), Map.of()).sdp();
        } catch (UnacceptableOfferException e) {
            throw ControlException.badRequest("unacceptable SDP offer: " + e.getMessage());
        }
        session.expectPeer(new MediaSession.PeerIdentity(offer.iceCredentials().ufrag(), offer.fingerprint()));
        return answer;
    }
}
