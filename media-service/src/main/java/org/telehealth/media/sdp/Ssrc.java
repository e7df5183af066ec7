package org.telehealth.media.sdp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An RTP synchronization source a browser announces ({@code a=ssrc:<ssrc> cname:<cname>}, RFC
 * 5576), so that the SFU knows the stream before its first packet and can tie it to the RTCP
 * reports with the same CNAME.
 */
public record Ssrc(long id, Optional<String> cname) {

    static final long MAX_SSRC = 0xFFFF_FFFFL;

    public Ssrc {
        requireSsrc(id);
        if (cname.isPresent() && !SdpGrammar.isNonWhitespace(cname.get())) {
            throw new IllegalArgumentException("a CNAME is non-blank, got " + SdpLine.quoted(cname.get()));
        }
    }

    static void requireSsrc(long ssrc) {
        if (ssrc < 0 || ssrc > MAX_SSRC) {
            throw new IllegalArgumentException("an SSRC is a 32-bit unsigned number, got " + ssrc);
        }
    }

    /** The SSRCs of an m-section's {@code a=ssrc} values, in order, each with its first CNAME. */
    static List<Ssrc> readAll(List<String> values) throws UnacceptableOfferException {
        Map<Long, Optional<String>> cnames = new LinkedHashMap<>();
        for (String value : values) {
            int space = value.indexOf(' ');
            OptionalLong ssrc = space < 0 ? OptionalLong.empty() : parseId(value.substring(0, space));
            String attribute = space < 0 ? "" : value.substring(space + 1);
            int colon = attribute.indexOf(':');
            String name = colon < 0 ? attribute : attribute.substring(0, colon);
            if (ssrc.isEmpty() || !SdpGrammar.isToken(name)) {
                throw UnacceptableOfferException.malformed("ssrc", value, "<ssrc> <attribute>[:<value>]");
            }
            Optional<String> known = cnames.computeIfAbsent(ssrc.getAsLong(), s -> Optional.empty());
            if (name.equals("cname") && known.isEmpty()) {
                String cname = colon < 0 ? "" : attribute.substring(colon + 1);
                if (!SdpGrammar.isNonWhitespace(cname)) {
                    throw UnacceptableOfferException.malformed("ssrc", value, "<ssrc> cname:<cname>");
                }
                cnames.put(ssrc.getAsLong(), Optional.of(cname));
            }
        }
        List<Ssrc> ssrcs = new ArrayList<>();
        cnames.forEach((ssrc, cname) -> ssrcs.add(new Ssrc(ssrc, cname)));
        return ssrcs;
    }

    /** Parses an SSRC written in decimal, as SDP writes them. */
    static OptionalLong parseId(String text) {
        return SdpGrammar.unsignedDecimal(text, MAX_SSRC);
    }
}
