package org.telehealth.media.sdp;

import org.telehealth.media.stun.IceCredentials;
import static org.telehealth.media.sdp.UnacceptableOfferException.Reason.INVALID_MID;
import static org.telehealth.media.sdp.UnacceptableOfferException.Reason.MALFORMED_ATTRIBUTE;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.telehealth.media.dtls.CertificateFingerprint;

/**
 * Reads one m-section of an offer into an {@link OfferedMedia}: whether the browser wants it at
 * all, its mid and direction, its transport attributes (through {@link TransportAttributeReader}),
 * its bandwidth lines and content, and for RTP its codecs, header extensions, SSRCs, msids, rids
 * and simulcast. Any of them that does not follow its grammar refuses the offer.
 */
final class OfferedMediaReader {

    static final int MAX_MID_LENGTH = 32;

    private final SessionDescription description;
    private final MediaSection section;

    private OfferedMediaReader(SessionDescription description, MediaSection section) {
        this.description = description;
        this.section = section;
    }

    static OfferedMedia read(SessionDescription description, MediaSection section, int index, List<String> bundleGroup)
            throws UnacceptableOfferException {
        String place = "m-section " + (index + 1) + " (" + section.media() + ")";
        try {
            return new OfferedMediaReader(description, section).read(bundleGroup);
        } catch (UnacceptableOfferException e) {
            throw e.in(place);
        }
    }

    private OfferedMedia read(List<String> bundleGroup) throws UnacceptableOfferException {
        String mid = mid();
        MediaKind kind = MediaKind.of(section.media());
        boolean bundled = bundleGroup.contains(mid);
        boolean enabled = section.port() != 0 || (bundled && section.hasAttribute("bundle-only"));
        if (!enabled) {
            return OfferedMedia.disabled(mid, kind, section.media(), section.protocol(), section.formats());
        }
        TransportAttributeReader transport = new TransportAttributeReader(description, section);
        Optional<IceCredentials> ice = transport.iceCredentials();
        Optional<CertificateFingerprint> fingerprint = transport.fingerprint();
        SetupRole setup = transport.setup();
        boolean rtcpMux = section.hasAttribute("rtcp-mux");
        boolean rtp = kind != MediaKind.OTHER;
        if (bundled) {
            TransportAttributeReader.requireUsable(ice, fingerprint, setup, rtcpMux || !rtp);
        }
        return new OfferedMedia(mid, kind, section.media(), section.protocol(), section.formats(), true, direction(),
                ice, fingerprint, setup, rtcpMux, section.hasAttribute("extmap-allow-mixed"),
                rtp ? CodecReader.read(section) : List.of(),
                rtp ? headerExtensions() : List.of(),
                rtp ? Ssrc.readAll(section.attributeValues("ssrc")) : List.of(),
                rtp ? parseEach("ssrc-group", SsrcGroup::parse) : List.of(),
                parseEach("msid", Msid::parse),
                rtp ? rids() : List.of(),
                rtp ? simulcast() : Optional.empty(),
                section.bandwidths(),
                section.attributeValues("content").stream().findFirst());
    }

    private String mid() throws UnacceptableOfferException {
        List<String> mids = section.attributeValues("mid");
        if (mids.size() != 1) {
            throw new UnacceptableOfferException(INVALID_MID, mids.isEmpty() ? "no a=mid" : "more than one a=mid");
        }
        String mid = mids.get(0);
        if (!SdpGrammar.isToken(mid, MAX_MID_LENGTH)) {
            throw new UnacceptableOfferException(INVALID_MID,
                    "a=mid is 1 to " + MAX_MID_LENGTH + " token characters, got " + SdpLine.quoted(mid));
        }
        return mid;
    }

    private Direction direction() throws UnacceptableOfferException {
        List<Direction> written = section.attributes().stream()
                .flatMap(attribute -> Direction.fromSdpName(attribute.name()).stream())
                .toList();
        if (written.size() > 1) {
            throw new UnacceptableOfferException(MALFORMED_ATTRIBUTE, "more than one direction attribute");
        }
        return written.isEmpty() ? Direction.SENDRECV : written.get(0);
    }

    private List<HeaderExtension> headerExtensions() throws UnacceptableOfferException {
        List<HeaderExtension> extensions = parseEach("extmap", HeaderExtension::parse);
        if (extensions.stream().map(HeaderExtension::id).distinct().count() != extensions.size()) {
            throw new UnacceptableOfferException(MALFORMED_ATTRIBUTE, "two a=extmap lines with the same id");
        }
        return extensions;
    }

    private List<Rid> rids() throws UnacceptableOfferException {
        List<Rid> rids = parseEach("rid", Rid::parse);
        if (rids.stream().map(Rid::id).distinct().count() != rids.size()) {
            throw new UnacceptableOfferException(MALFORMED_ATTRIBUTE, "two a=rid lines with the same id");
        }
        return rids;
    }

    private Optional<Simulcast> simulcast() throws UnacceptableOfferException {
        List<Simulcast> simulcast = parseEach("simulcast", Simulcast::parse);
        if (simulcast.size() > 1) {
            throw new UnacceptableOfferException(MALFORMED_ATTRIBUTE, "more than one a=simulcast");
        }
        return simulcast.stream().findFirst();
    }

    private <T> List<T> parseEach(String name, AttributeParser<T> parser) throws UnacceptableOfferException {
        List<T> parsed = new ArrayList<>();
        for (String value : section.attributeValues(name)) {
            parsed.add(parser.parse(value));
        }
        return parsed;
    }

    @FunctionalInterface
    private interface AttributeParser<T> {
        T parse(String value) throws UnacceptableOfferException;
    }
}
