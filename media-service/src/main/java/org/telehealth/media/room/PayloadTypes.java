package org.telehealth.media.room;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.telehealth.media.sdp.Codec;

/**
 * The payload type numbers one participant's browser gave the formats of its last answer, so that
 * the copy of a packet forwarded to it carries its own number for the packet's format rather than
 * the publisher's. Each browser numbers its codecs itself (Chromium's VP8 is 96 and Opus 111,
 * Firefox's 120 and 109), and a sender must use the numbers of the receiver's offer (RFC 3264
 * §6.1): a browser drops packets whose number its offer does not give the format, as Chromium did
 * with Firefox's VP8 and Firefox with everything Chromium sent.
 *
 * <p>A format is its encoding name (in any case), clock rate and channels: the SFU accepts one
 * variant of each codec ({@code SupportedCodecs}), so that is enough to tell them apart. RTX is
 * left out: the SFU wraps retransmissions itself, under the receiver's numbers. Read per packet and
 * receiver: a table lookup and a map lookup. Immutable; equal when the numbering is.
 */
public final class PayloadTypes {

    /** A participant that negotiated nothing: every number is kept as it is. */
    public static final PayloadTypes NONE = of(Map.of());

    private static final int PAYLOAD_TYPES = 128;

    private final String[] formatByNumber;
    private final Map<String, Integer> numberByFormat;

    private PayloadTypes(String[] formatByNumber, Map<String, Integer> numberByFormat) {
        this.formatByNumber = formatByNumber;
        this.numberByFormat = numberByFormat;
    }

    /**
     * The numbering of {@code codecsByMid}, a participant's negotiated codecs by mid. Bundled
     * sections give a number one format (RFC 9143); where a format has several numbers, the first
     * listed (sections in mid order) is the one the SFU sends with.
     */
    public static PayloadTypes of(Map<String, List<Codec>> codecsByMid) {
        String[] formatByNumber = new String[PAYLOAD_TYPES];
        Map<String, Integer> numberByFormat = new HashMap<>();
        for (List<Codec> codecs : new TreeMap<>(codecsByMid).values()) {
            for (Codec codec : codecs) {
                if (!codec.isRtx()) {
                    String format = format(codec);
                    formatByNumber[codec.payloadType()] = format;
                    numberByFormat.putIfAbsent(format, codec.payloadType());
                }
            }
        }
        return new PayloadTypes(formatByNumber, Map.copyOf(numberByFormat));
    }

    /**
     * The number this participant's browser gives the format {@code publisher}'s browser numbered
     * {@code payloadType}; {@code payloadType} itself when either does not know the format (a
     * receiver that did not negotiate it cannot decode it under any number).
     */
    public int numberFor(int payloadType, PayloadTypes publisher) {
        String format = publisher.formatByNumber[payloadType & 0x7F];
        Integer number = format == null ? null : numberByFormat.get(format);
        return number == null ? payloadType : number;
    }

    private static String format(Codec codec) {
        return codec.name().toLowerCase(Locale.ROOT) + "/" + codec.clockRate() + "/" + codec.channels();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PayloadTypes that && Arrays.equals(formatByNumber, that.formatByNumber)
                && numberByFormat.equals(that.numberByFormat);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(formatByNumber) + numberByFormat.hashCode();
    }

    @Override
    public String toString() {
        return "PayloadTypes" + new TreeMap<>(numberByFormat);
    }
}
