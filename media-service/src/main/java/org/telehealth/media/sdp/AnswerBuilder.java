package org.telehealth.media.sdp;

import static org.telehealth.media.sdp.UnacceptableOfferException.Reason.BUNDLE_TAG_REJECTED;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Builds the SFU's answer to a browser's offer. The browser is always the offerer; the SFU answers
 * as an ICE-lite agent ({@code a=ice-lite}), as the DTLS server ({@code a=setup:passive}) and on one
 * bundled transport whose candidates it lists once, in the BUNDLE tag. Each m-section is decided by
 * {@link MediaNegotiation} and written by {@link AnswerSectionWriter}, in the offer's order.
 *
 * <p>The answer cannot reject the BUNDLE tag (the first mid of the offer's group): its transport is
 * the one every bundled section uses, and browsers refuse such an answer (RFC 8843, section 7.3.3).
 * An offer whose tag the SFU cannot serve, e.g. a data channel created before any track, is refused
 * with {@link UnacceptableOfferException.Reason#BUNDLE_TAG_REJECTED}.
 */
public final class AnswerBuilder {

    private static final String ORIGIN_ADDRESS = "127.0.0.1";

    private final LocalEndpoint local;
    private final AnswerSectionWriter sectionWriter;

    public AnswerBuilder(LocalEndpoint local) {
        this.local = Objects.requireNonNull(local, "local");
        this.sectionWriter = new AnswerSectionWriter(local);
    }

    /**
     * Answers {@code offer}. {@code sessionVersion} goes in the {@code o=} line and must grow with
     * each answer to the same participant. {@code tracksByMid} assigns the tracks the SFU sends to the
     * browser's recvonly sections, by mid; a mid that names no such section (the browser may have
     * changed its direction since) is ignored, as {@link AnsweredMedia#sentTrack()} shows.
     */
    public Answer answer(Offer offer, long sessionVersion, Map<String, OutgoingTrack> tracksByMid)
            throws UnacceptableOfferException {
        if (sessionVersion < 0) {
            throw new IllegalArgumentException("a session version is unsigned, got " + sessionVersion);
        }
        List<AnsweredMedia> answered = new ArrayList<>();
        for (OfferedMedia offered : offer.media()) {
            answered.add(MediaNegotiation.negotiate(offer, offered, Optional.ofNullable(tracksByMid.get(offered.mid()))));
        }
        int tagIndex = IntStream.range(0, answered.size())
                .filter(i -> answered.get(i).mid().equals(offer.bundleTag()))
                .findFirst()
                .orElseThrow();
        AnsweredMedia tag = answered.get(tagIndex);
        if (!tag.accepted()) {
            throw new UnacceptableOfferException(BUNDLE_TAG_REJECTED, "the first m-section of the BUNDLE group (mid "
                    + tag.mid() + ", " + offer.media().get(tagIndex).media() + ") offers nothing the SFU accepts, and it"
                    + " carries the transport of all the others; offer audio or video first");
        }
        List<MediaSection> sections = new ArrayList<>();
        for (int i = 0; i < answered.size(); i++) {
            OfferedMedia offered = offer.media().get(i);
            AnsweredMedia media = answered.get(i);
            sections.add(media.accepted() ? sectionWriter.accepted(offered, media, i == tagIndex)
                    : AnswerSectionWriter.rejected(offered));
        }
        List<String> group = offer.bundleGroup().stream()
                .filter(mid -> answered.stream().anyMatch(m -> m.mid().equals(mid) && m.accepted()))
                .toList();
        Origin origin = new Origin("-", Long.toString(local.sessionId()), Long.toString(sessionVersion), "IN", "IP4",
                ORIGIN_ADDRESS);
        SessionDescription description = new SessionDescription(0, origin, "-", Optional.empty(), List.of(),
                Timing.UNBOUNDED, sessionAttributes(offer, group), sections);
        return new Answer(description, answered);
    }

    private static List<SdpAttribute> sessionAttributes(Offer offer, List<String> bundleGroup) {
        List<SdpAttribute> attributes = new ArrayList<>();
        attributes.add(SdpAttribute.flag("ice-lite"));
        attributes.add(SdpAttribute.of("group", "BUNDLE " + String.join(" ", bundleGroup)));
        if (offer.extmapAllowMixed()) {
            attributes.add(SdpAttribute.flag("extmap-allow-mixed"));
        }
        attributes.add(SdpAttribute.of("msid-semantic", " WMS *"));
        return attributes;
    }
}
