package org.telehealth.media.sdp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Puts together the {@link Codec}s of an RTP m-section from its format list and its
 * {@code a=rtpmap}, {@code a=fmtp} and {@code a=rtcp-fb} lines, in the order of the format list,
 * which is the offerer's order of preference. A format without rtpmap (a static payload type such
 * as 0 for PCMU) is not listed, nor are lines about payload types the m= line does not list
 * (RFC 8829, section 5.8); {@code a=rtcp-fb:*} applies to every codec.
 */
final class CodecReader {

    private static final String RTPMAP_FORM = "<payload type> <encoding name>/<clock rate>[/<channels>]";

    private CodecReader() {
    }

    static List<Codec> read(MediaSection section) throws UnacceptableOfferException {
        Set<Integer> payloadTypes = payloadTypes(section.formats());
        Map<Integer, Rtpmap> rtpmaps = new HashMap<>();
        for (String value : section.attributeValues("rtpmap")) {
            int payloadType = payloadType(value, "rtpmap", RTPMAP_FORM);
            if (rtpmaps.put(payloadType, Rtpmap.parse(value)) != null) {
                throw duplicate("rtpmap", payloadType);
            }
        }
        Map<Integer, Map<String, String>> parameters = new HashMap<>();
        for (String value : section.attributeValues("fmtp")) {
            int payloadType = payloadType(value, "fmtp", "<payload type> <parameters>");
            if (parameters.put(payloadType, Codec.parseParameters(afterFirstSpace(value))) != null) {
                throw duplicate("fmtp", payloadType);
            }
        }
        Map<Integer, List<RtcpFeedback>> feedback = new HashMap<>();
        List<RtcpFeedback> forAll = new ArrayList<>();
        for (String value : section.attributeValues("rtcp-fb")) {
            RtcpFeedback parsed = RtcpFeedback.parse(afterFirstSpace(value));
            if (value.startsWith("* ")) {
                forAll.add(parsed);
            } else {
                int payloadType = payloadType(value, "rtcp-fb", "<payload type> <type> [<parameter>]");
                feedback.computeIfAbsent(payloadType, pt -> new ArrayList<>()).add(parsed);
            }
        }
        List<Codec> codecs = new ArrayList<>();
        for (int payloadType : payloadTypes) {
            Rtpmap rtpmap = rtpmaps.get(payloadType);
            if (rtpmap != null) {
                List<RtcpFeedback> codecFeedback = new ArrayList<>(feedback.getOrDefault(payloadType, List.of()));
                codecFeedback.addAll(forAll);
                codecs.add(new Codec(payloadType, rtpmap.name(), rtpmap.clockRate(), rtpmap.channels(),
                        parameters.getOrDefault(payloadType, Map.of()), codecFeedback));
            }
        }
        return codecs;
    }

    private static Set<Integer> payloadTypes(List<String> formats) throws UnacceptableOfferException {
        Set<Integer> payloadTypes = new LinkedHashSet<>();
        for (String format : formats) {
            OptionalLong payloadType = SdpGrammar.unsignedDecimal(format, 127);
            if (payloadType.isEmpty()) {
                throw new UnacceptableOfferException(UnacceptableOfferException.Reason.MALFORMED_ATTRIBUTE,
                        "the m= line lists " + SdpLine.quoted(format) + ", which is not an RTP payload type (0 to 127)");
            }
            if (!payloadTypes.add((int) payloadType.getAsLong())) {
                throw new UnacceptableOfferException(UnacceptableOfferException.Reason.MALFORMED_ATTRIBUTE,
                        "the m= line lists payload type " + format + " twice");
            }
        }
        return payloadTypes;
    }

    /** The payload type that starts {@code value}, followed by a space. */
    private static int payloadType(String value, String attribute, String form) throws UnacceptableOfferException {
        int space = value.indexOf(' ');
        OptionalLong payloadType = space < 0 ? OptionalLong.empty()
                : SdpGrammar.unsignedDecimal(value.substring(0, space), 127);
        if (payloadType.isEmpty()) {
            throw UnacceptableOfferException.malformed(attribute, value, form);
        }
        return (int) payloadType.getAsLong();
    }

    private static String afterFirstSpace(String value) {
        int space = value.indexOf(' ');
        return space < 0 ? "" : value.substring(space + 1);
    }

    /** The part of {@code a=rtpmap} after the payload type; channels are 1 when not written. */
    private record Rtpmap(String name, int clockRate, int channels) {

        static Rtpmap parse(String value) throws UnacceptableOfferException {
            String[] encoding = afterFirstSpace(value).split("/", -1);
            if (encoding.length < 2 || encoding.length > 3 || !SdpGrammar.isToken(encoding[0])) {
                throw UnacceptableOfferException.malformed("rtpmap", value, RTPMAP_FORM);
            }
            OptionalLong clockRate = SdpGrammar.unsignedDecimal(encoding[1], Integer.MAX_VALUE);
            OptionalLong channels = encoding.length == 3 ? SdpGrammar.unsignedDecimal(encoding[2], 255) : OptionalLong.of(1);
            if (clockRate.isEmpty() || clockRate.getAsLong() == 0 || channels.isEmpty() || channels.getAsLong() == 0) {
                throw UnacceptableOfferException.malformed("rtpmap", value, RTPMAP_FORM);
            }
            return new Rtpmap(encoding[0], (int) clockRate.getAsLong(), (int) channels.getAsLong());
        }
    }

    private static UnacceptableOfferException duplicate(String attribute, int payloadType) {
        return new UnacceptableOfferException(UnacceptableOfferException.Reason.MALFORMED_ATTRIBUTE,
                "payload type " + payloadType + " has two a=" + attribute + " lines");
    }
}
