package org.telehealth.media.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A group of SSRCs of one m-section ({@code a=ssrc-group:<semantics> <ssrc> ...}, RFC 5576): with
 * {@code FID} a stream and its retransmission stream, with {@code SIM} the layers of a simulcast
 * sender that does not use rids.
 */
public record SsrcGroup(String semantics, List<Long> ssrcs) {

    public static final String FID = "FID";
    public static final String SIM = "SIM";

    public SsrcGroup {
        if (!SdpGrammar.isToken(Objects.requireNonNull(semantics, "semantics"))) {
            throw new IllegalArgumentException("SSRC group semantics are a token, got " + SdpLine.quoted(semantics));
        }
        ssrcs = List.copyOf(ssrcs);
        if (ssrcs.isEmpty()) {
            throw new IllegalArgumentException("an SSRC group has at least one SSRC");
        }
        ssrcs.forEach(Ssrc::requireSsrc);
    }

    static SsrcGroup parse(String value) throws UnacceptableOfferException {
        String[] fields = value.split(" ", -1);
        List<Long> ssrcs = new ArrayList<>();
        for (int i = 1; i < fields.length; i++) {
            OptionalLong ssrc = Ssrc.parseId(fields[i]);
            if (ssrc.isEmpty()) {
                throw UnacceptableOfferException.malformed("ssrc-group", value, "<semantics> <ssrc> ...");
            }
            ssrcs.add(ssrc.getAsLong());
        }
        if (fields.length < 2 || !SdpGrammar.isToken(fields[0])) {
            throw UnacceptableOfferException.malformed("ssrc-group", value, "<semantics> <ssrc> ...");
        }
        return new SsrcGroup(fields[0], ssrcs);
    }

    String sdpValue() {
        StringBuilder value = new StringBuilder(semantics);
        ssrcs.forEach(ssrc -> value.append(' ').append(ssrc));
        return value.toString();
    }
}
