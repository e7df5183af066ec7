package org.telehealth.media.sdp;

import static org.telehealth.media.sdp.UnacceptableOfferException.Reason.INVALID_BUNDLE;
import static org.telehealth.media.sdp.UnacceptableOfferException.Reason.INVALID_MID;
import static org.telehealth.media.sdp.UnacceptableOfferException.Reason.NO_BUNDLE;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Gives WebRTC meaning to a parsed browser offer, or says in an {@link UnacceptableOfferException}
 * why the SFU cannot answer it. The SFU serves each participant on one bundled transport with
 * rtcp-mux, is ICE-lite and the DTLS server: an offer that does not allow that is refused here, with
 * a reason signaling can pass on, before any answer is built.
 */
public final class OfferReader {

    private OfferReader() {
    }

    public static Offer read(SessionDescription description) throws UnacceptableOfferException {
        List<String> bundleGroup = bundleGroup(description);
        List<OfferedMedia> media = new ArrayList<>();
        Set<String> mids = new HashSet<>();
        List<MediaSection> sections = description.mediaSections();
        for (int i = 0; i < sections.size(); i++) {
            OfferedMedia offered = OfferedMediaReader.read(description, sections.get(i), i, bundleGroup);
            if (!mids.add(offered.mid())) {
                throw new UnacceptableOfferException(INVALID_MID, "two m-sections have a=mid:" + offered.mid());
            }
            media.add(offered);
        }
        for (String mid : bundleGroup) {
            if (!mids.contains(mid)) {
                throw new UnacceptableOfferException(INVALID_BUNDLE, "the BUNDLE group names mid "
                        + SdpLine.quoted(mid) + ", which no m-section has");
            }
        }
        OfferedMedia tag = media.stream().filter(m -> m.mid().equals(bundleGroup.get(0))).findFirst().orElseThrow();
        if (!tag.enabled()) {
            throw new UnacceptableOfferException(INVALID_BUNDLE,
                    "the first mid of the BUNDLE group, " + tag.mid() + ", is a disabled m-section (port 0)");
        }
        return new Offer(bundleGroup, description.hasAttribute("extmap-allow-mixed"), tag.iceCredentials().orElseThrow(),
                tag.fingerprint().orElseThrow(), tag.setup(), media);
    }

    /** The mids of the one {@code a=group:BUNDLE} (RFC 8843); other groups, such as LS, are ignored. */
    private static List<String> bundleGroup(SessionDescription description) throws UnacceptableOfferException {
        List<List<String>> bundles = new ArrayList<>();
        for (String group : description.attributeValues("group")) {
            List<String> fields = List.of(group.split(" ", -1));
            if (fields.get(0).equals("BUNDLE")) {
                bundles.add(fields.subList(1, fields.size()));
            }
        }
        if (bundles.isEmpty() || bundles.get(0).isEmpty()) {
            throw new UnacceptableOfferException(NO_BUNDLE, "the offer has no a=group:BUNDLE with its mids: the SFU needs"
                    + " all media on one transport (RTCPeerConnection bundlePolicy 'balanced' or 'max-bundle')");
        }
        if (bundles.size() > 1) {
            throw new UnacceptableOfferException(INVALID_BUNDLE, "more than one a=group:BUNDLE: the SFU uses one transport");
        }
        List<String> mids = bundles.get(0);
        for (String mid : mids) {
            if (!SdpGrammar.isToken(mid, OfferedMediaReader.MAX_MID_LENGTH)) {
                throw new UnacceptableOfferException(INVALID_BUNDLE, "a=group:BUNDLE lists " + SdpLine.quoted(mid)
                        + ", which is not a mid");
            }
        }
        if (Set.copyOf(mids).size() != mids.size()) {
            throw new UnacceptableOfferException(INVALID_BUNDLE, "a=group:BUNDLE lists a mid twice");
        }
        return mids;
    }
}
