package org.telehealth.media.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.telehealth.media.room.ExtensionIds;
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
import org.telehealth.media.sdp.Rid;
import org.telehealth.media.sdp.SdpParser;
import org.telehealth.media.sdp.Ssrc;
import org.telehealth.media.sdp.SsrcGroup;
import org.telehealth.media.sdp.UnacceptableOfferException;
import org.telehealth.media.session.MediaSession;
import org.telehealth.media.session.MediaTransport;
import org.telehealth.media.stun.IceCredentials;

/**
 * Answers a participant's SDP offer. The browser is always the offerer: its sending sections are
 * the tracks it publishes; its receiving sections get the other participants' tracks, audio to
 * audio and video to video, in the order participants joined. The answer carries this instance's
 * ICE credentials, certificate fingerprint and host candidate; the participant's media session
 * learns whom to expect. A bad offer is refused and changes nothing.
 *
 * <p>A sending section whose simulcast layers the answer accepts becomes a simulcast track: the
 * SFU gives it an SSRC and an RTX SSRC of its own, which receivers are told of and keep as long as
 * the section sends (a renegotiation keeps them), and learns the layers' SSRCs from their packets.
 * A section marked {@code a=content:slides} is a screen share. The receiving sections' {@code b=AS}
 * or {@code b=TIAS} cap what the SFU sends there.
 *
 * <p>An offer whose ice-ufrag differs from the participant's previous one restarts ICE (the
 * browser's {@code restartIce()}): its answer carries new local ICE credentials, which the session
 * takes only once the answer is built, so a refused offer changes nothing.
 */
@ApplicationScoped
public class NegotiationService {

    private static final String DEFAULT_CNAME = "telehealth";
    private static final String SCREEN_CONTENT = "slides";

    private final MediaTransport transport;
    private final Forwarder forwarder;
    private final SecureRandom random = new SecureRandom();
    private final long sessionId = random.nextLong() & Long.MAX_VALUE;

    public NegotiationService(MediaTransport transport, Forwarder forwarder) {
        this.transport = transport;
        this.forwarder = forwarder;
    }

    public String answer(Participant participant, String offerSdp) {
        return answer(participant, read(offerSdp));
    }

    /** The offer, read and checked for what can be checked before knowing the participant; 400 if bad. */
    public Offer read(String offerSdp) {
        try {
            return OfferReader.read(SdpParser.parse(offerSdp));
        } catch (MalformedSdpException e) {
            throw ControlException.badRequest("malformed SDP offer: " + e.getMessage());
        } catch (UnacceptableOfferException e) {
            throw ControlException.badRequest("unacceptable SDP offer: " + e.getMessage());
        }
    }

    /** Answers an offer {@link #read} already; 400 if the participant cannot be given what it asks. */
    public String answer(Participant participant, Offer offer) {
        Map<String, PublishedTrack> received = assignReceivedTracks(participant, offer);
        Map<String, OutgoingTrack> outgoing = new HashMap<>();
        received.forEach((mid, track) -> outgoing.put(mid, track.asOutgoing()));

        MediaSession session = participant.session();
        boolean iceRestart = session.restartsIce(offer.iceCredentials().ufrag());
        IceCredentials localIce = iceRestart ? MediaSession.newIceCredentials() : session.localIce();
        Answer answer;
        try {
            answer = new AnswerBuilder(localEndpoint(localIce)).answer(offer, session.nextSdpVersion(), outgoing);
        } catch (UnacceptableOfferException e) {
            throw ControlException.badRequest("unacceptable SDP offer: " + e.getMessage());
        }
        List<PublishedTrack> published = publishedTracks(participant, offer, answer);
        participant.negotiated(new Participant.Negotiated(published, received, extensionIds(answer), codecsByMid(answer),
                transportSequenceNumberId(offer, answer), receiveCaps(offer)));
        if (iceRestart) {
            transport.restartIce(session, localIce);
        }
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

    private LocalEndpoint localEndpoint(IceCredentials localIce) {
        return new LocalEndpoint(sessionId, localIce, transport.identity().fingerprint(),
                List.of(new HostCandidate(transport.advertisedAddress().getAddress(), transport.advertisedAddress().getPort())));
    }

    /**
     * The tracks of the browser's sending sections: a simulcast track where the answer accepted
     * layers (by rid), else a track on the SSRCs of the section's {@code a=ssrc} lines (none: not
     * forwarded). The CNAME is the one of the browser's {@code a=ssrc} lines, all its tracks'.
     */
    private List<PublishedTrack> publishedTracks(Participant participant, Offer offer, Answer answer) {
        String cname = offer.media().stream().flatMap(media -> media.ssrcs().stream()).map(Ssrc::cname)
                .flatMap(Optional::stream).findFirst().orElse(DEFAULT_CNAME);
        List<PublishedTrack> tracks = new ArrayList<>();
        for (OfferedMedia media : offer.media()) {
            Optional<AnsweredMedia> answered = answer.media(media.mid()).filter(AnsweredMedia::accepted);
            if (!publishes(media) || answered.isEmpty()) {
                continue;
            }
            boolean screen = media.content().filter(SCREEN_CONTENT::equals).isPresent();
            List<String> rids = answered.get().rids().stream().map(Rid::id).toList();
            if (!rids.isEmpty()) {
                tracks.add(simulcastTrack(participant, media, answered.get(), rids, cname, screen));
                continue;
            }
            if (media.ssrcs().isEmpty()) {
                continue;
            }
            List<SsrcGroup> fid = media.ssrcGroups(SsrcGroup.FID);
            long ssrc = fid.isEmpty() ? media.ssrcs().get(0).id() : fid.get(0).ssrcs().get(0);
            OptionalLong rtx = fid.isEmpty() || fid.get(0).ssrcs().size() < 2
                    ? OptionalLong.empty() : OptionalLong.of(fid.get(0).ssrcs().get(1));
            Msid msid = media.msids().isEmpty() ? Msid.of("-", "track-" + ssrc) : media.msids().get(0);
            tracks.add(new PublishedTrack(media.kind(), ssrc, rtx, cname, msid.streamId(),
                    msid.trackId().orElse("track-" + ssrc), media.mid(), List.of(), screen));
        }
        return tracks;
    }

    /**
     * A simulcast track, on the SSRCs the SFU gave the section the last time it sent with these
     * rids, or on new ones no stream of the room uses.
     */
    private PublishedTrack simulcastTrack(Participant participant, OfferedMedia media, AnsweredMedia answered,
            List<String> rids, String cname, boolean screen) {
        Optional<PublishedTrack> previous = participant.negotiated().published().stream()
                .filter(track -> track.isSimulcast() && track.mid().equals(media.mid()) && track.rids().equals(rids))
                .findFirst();
        long ssrc = previous.map(PublishedTrack::ssrc).orElseGet(() -> unusedSsrc(participant));
        boolean repairs = answered.codecs().stream().anyMatch(Codec::isRtx);
        OptionalLong rtx = previous.map(PublishedTrack::rtxSsrc)
                .orElseGet(() -> repairs ? OptionalLong.of(unusedSsrc(participant, ssrc)) : OptionalLong.empty());
        Msid msid = media.msids().isEmpty() ? Msid.of("-", "track-" + ssrc) : media.msids().get(0);
        return new PublishedTrack(media.kind(), ssrc, rtx, cname, msid.streamId(), msid.trackId().orElse("track-" + ssrc),
                media.mid(), rids, screen);
    }

    /** A random SSRC that no track of the room is known by, and none of {@code taken}. */
    private long unusedSsrc(Participant participant, long... taken) {
        while (true) {
            long ssrc = random.nextInt() & 0xFFFF_FFFFL;
            boolean used = ssrc == 0 || Arrays.stream(taken).anyMatch(t -> t == ssrc)
                    || participant.room().participants().stream().anyMatch(p -> p.publishedTrack(ssrc).isPresent());
            if (!used) {
                return ssrc;
            }
        }
    }

    /** The ids of the header extensions the answer kept; BUNDLE gives each one id across sections. */
    private static ExtensionIds extensionIds(Answer answer) {
        return new ExtensionIds(extensionId(answer, HeaderExtension.MID), extensionId(answer, HeaderExtension.RTP_STREAM_ID),
                extensionId(answer, HeaderExtension.REPAIRED_RTP_STREAM_ID), extensionId(answer, HeaderExtension.ABS_SEND_TIME),
                extensionId(answer, HeaderExtension.AUDIO_LEVEL));
    }

    private static int extensionId(Answer answer, String uri) {
        return answer.media().stream().filter(AnsweredMedia::accepted)
                .flatMap(media -> media.headerExtension(uri).stream())
                .mapToInt(HeaderExtension::id).findFirst().orElse(ExtensionIds.ABSENT);
    }

    /** What the browser's receiving sections capped themselves at, bits per second, by mid. */
    private static Map<String, Long> receiveCaps(Offer offer) {
        Map<String, Long> caps = new HashMap<>();
        for (OfferedMedia media : offer.media()) {
            if (media.enabled() && media.direction() == Direction.RECVONLY) {
                media.bandwidthBps().ifPresent(bps -> caps.put(media.mid(), bps));
            }
        }
        return caps;
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
}
