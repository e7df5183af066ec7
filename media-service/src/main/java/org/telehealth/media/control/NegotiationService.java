package org.telehealth.media.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.telehealth.media.room.Forwarder;
import org.telehealth.media.room.Participant;
import org.telehealth.media.room.PublishedTrack;
import org.telehealth.media.sdp.Answer;
import org.telehealth.media.sdp.AnswerBuilder;
import org.telehealth.media.sdp.AnsweredMedia;
import org.telehealth.media.sdp.Codec;
import org.telehealth.media.sdp.Direction;
import org.telehealth.media.sdp.HeaderExtension;
import org.telehealth.media.sdp.HostCandidate;
import org.telehealth.media.sdp.LocalEndpoint;
import org.telehealth.media.sdp.MalformedSdpException;
import org.telehealth.media.sdp.MediaKind;
import org.telehealth.media.sdp.Msid;
import org.telehealth.media.sdp.Offer;
import org.telehealth.media.sdp.OfferReader;
import org.telehealth.media.sdp.OfferedMedia;
import org.telehealth.media.sdp.OutgoingTrack;
import org.telehealth.media.sdp.SdpParser;
import org.telehealth.media.sdp.Ssrc;
import org.telehealth.media.sdp.SsrcGroup;
import org.telehealth.media.sdp.UnacceptableOfferException;
import org.telehealth.media.session.MediaSession;
import org.telehealth.media.session.MediaTransport;

/**
 * Answers a participant's SDP offer. The browser is always the offerer: its sending sections are
 * the tracks it publishes; its receiving sections get the other participants' tracks, audio to
 * audio and video to video, in the order participants joined. The answer carries this instance's
 * ICE credentials, certificate fingerprint and host candidate; the participant's media session
 * learns whom to expect. A bad offer is refused and changes nothing.
 */
@ApplicationScoped
public class NegotiationService {

    /** Extensions whose values name the sender's own SDP sections: meaningless to other browsers. */
    private static final Set<String> PRIVATE_EXTENSIONS = Set.of(HeaderExtension.MID, HeaderExtension.RTP_STREAM_ID,
            HeaderExtension.REPAIRED_RTP_STREAM_ID);

    private final MediaTransport transport;
    private final Forwarder forwarder;
    private final long sessionId = new SecureRandom().nextLong() & Long.MAX_VALUE;

    public NegotiationService(MediaTransport transport, Forwarder forwarder) {
        this.transport = transport;
        this.forwarder = forwarder;
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
        List<PublishedTrack> published = publishedTracks(offer);
        Map<String, PublishedTrack> received = assignReceivedTracks(participant, offer);
        Map<String, OutgoingTrack> outgoing = new HashMap<>();
        received.forEach((mid, track) -> outgoing.put(mid, track.asOutgoing()));

        MediaSession session = participant.session();
        Answer answer;
        try {
            answer = new AnswerBuilder(localEndpoint(session)).answer(offer, session.nextSdpVersion(), outgoing);
        } catch (UnacceptableOfferException e) {
            throw ControlException.badRequest("unacceptable SDP offer: " + e.getMessage());
        }
        participant.negotiated(new Participant.Negotiated(published, received, privateExtensionIds(offer),
                codecsByMid(answer), transportSequenceNumberId(offer, answer)));
        session.expectPeer(new MediaSession.PeerIdentity(offer.iceCredentials().ufrag(), offer.fingerprint()));
        session.connected().thenRun(() -> forwarder.requestKeyframes(participant));
        return answer.sdp();
    }

    /** The codecs each accepted section settled on: the media path maps RTX payload types with them. */
    private static Map<String, List<Codec>> codecsByMid(Answer answer) {
        Map<String, List<Codec>> codecs = new HashMap<>();
        for (AnsweredMedia media : answer.media()) {
            if (media.accepted()) {
                codecs.put(media.mid(), media.codecs());
            }
        }
        return codecs;
    }

    /**
     * The id of the transport-wide sequence number in the sections the browser sends on, if the
     * answer kept it there (bundled sections share one id). Only then does it expect transport-cc
     * feedback.
     */
    private static OptionalInt transportSequenceNumberId(Offer offer, Answer answer) {
        for (OfferedMedia media : offer.media()) {
            Optional<HeaderExtension> extension = answer.media(media.mid())
                    .filter(answered -> answered.accepted() && publishes(media))
                    .flatMap(answered -> answered.headerExtension(HeaderExtension.TRANSPORT_WIDE_CC));
            if (extension.isPresent()) {
                return OptionalInt.of(extension.get().id());
            }
        }
        return OptionalInt.empty();
    }

    private static boolean publishes(OfferedMedia media) {
        boolean sends = media.direction() == Direction.SENDONLY || media.direction() == Direction.SENDRECV;
        return media.enabled() && sends && media.kind() != MediaKind.OTHER;
    }

    private LocalEndpoint localEndpoint(MediaSession session) {
        return new LocalEndpoint(sessionId, session.localIce(), transport.identity().fingerprint(),
                List.of(new HostCandidate(transport.advertisedAddress().getAddress(), transport.advertisedAddress().getPort())));
    }

    private static List<PublishedTrack> publishedTracks(Offer offer) {
        List<PublishedTrack> tracks = new ArrayList<>();
        for (OfferedMedia media : offer.media()) {
            if (!publishes(media) || media.ssrcs().isEmpty()) {
                continue; // simulcast by rid only (no a=ssrc) is not forwarded yet
            }
            List<SsrcGroup> fid = media.ssrcGroups(SsrcGroup.FID);
            long ssrc = fid.isEmpty() ? media.ssrcs().get(0).id() : fid.get(0).ssrcs().get(0);
            OptionalLong rtx = fid.isEmpty() || fid.get(0).ssrcs().size() < 2
                    ? OptionalLong.empty() : OptionalLong.of(fid.get(0).ssrcs().get(1));
            String cname = media.ssrcs().stream().map(Ssrc::cname).flatMap(Optional::stream).findFirst()
                    .orElse("telehealth");
            Msid msid = media.msids().isEmpty() ? Msid.of("-", "track-" + ssrc) : media.msids().get(0);
            tracks.add(new PublishedTrack(media.kind(), ssrc, rtx, cname, msid.streamId(), msid.trackId().orElse("track-" + ssrc)));
        }
        return tracks;
    }

    /**
     * Gives each of the browser's receiving sections a track of another participant. A section keeps
     * the track it had while that track is still published, so renegotiating never swaps streams
     * under the browser; new sections get the tracks nobody assigned yet, in join order.
     */
    private static Map<String, PublishedTrack> assignReceivedTracks(Participant receiver, Offer offer) {
        List<PublishedTrack> published = receiver.room().participants().stream()
                .filter(other -> other != receiver)
                .sorted(Comparator.comparing(Participant::id))
                .flatMap(other -> other.negotiated().published().stream())
                .toList();
        Map<String, PublishedTrack> previous = receiver.negotiated().receivedByMid();
        Map<String, PublishedTrack> assigned = new HashMap<>();
        List<OfferedMedia> receiving = offer.media().stream()
                .filter(media -> media.enabled() && media.direction() == Direction.RECVONLY)
                .toList();
        for (OfferedMedia media : receiving) {
            PublishedTrack kept = previous.get(media.mid());
            if (kept != null && published.contains(kept)) {
                assigned.put(media.mid(), kept);
            }
        }
        Map<MediaKind, Deque<PublishedTrack>> available = new EnumMap<>(MediaKind.class);
        published.stream().filter(track -> !assigned.containsValue(track))
                .forEach(track -> available.computeIfAbsent(track.kind(), k -> new ArrayDeque<>()).add(track));
        for (OfferedMedia media : receiving) {
            Deque<PublishedTrack> candidates = available.get(media.kind());
            if (!assigned.containsKey(media.mid()) && candidates != null && !candidates.isEmpty()) {
                assigned.put(media.mid(), candidates.poll());
            }
        }
        return assigned;
    }

    private static List<Integer> privateExtensionIds(Offer offer) {
        Set<Integer> ids = new LinkedHashSet<>();
        for (OfferedMedia media : offer.media()) {
            for (HeaderExtension extension : media.headerExtensions()) {
                if (PRIVATE_EXTENSIONS.contains(extension.uri())) {
                    ids.add(extension.id());
                }
            }
        }
        return List.copyOf(ids);
    }
}
