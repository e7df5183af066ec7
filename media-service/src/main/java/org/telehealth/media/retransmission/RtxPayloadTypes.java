package org.telehealth.media.retransmission;

import java.util.Arrays;
import java.util.Collection;
import java.util.OptionalInt;
import org.telehealth.media.sdp.Codec;

/**
 * Which retransmission payload type repairs which original one, as negotiated codecs bind them
 * ({@code a=fmtp:<rtx pt> apt=<original pt>}, RFC 4588 §8.6): the SFU needs the original payload
 * type to unwrap a publisher's RTX packet, and a receiver's RTX payload type to wrap one for it.
 * Asked per packet, so the answers sit in two 128-entry tables instead of being searched in the
 * codec list. Immutable.
 */
public final class RtxPayloadTypes {

    /** The answer when no payload type is bound. */
    public static final int NONE = -1;
    /** Codecs without any retransmission codec. */
    public static final RtxPayloadTypes NONE_NEGOTIATED = new RtxPayloadTypes(table(), table());

    private static final int PAYLOAD_TYPES = 128;

    private final int[] rtxByOriginal;
    private final int[] originalByRtx;

    private RtxPayloadTypes(int[] rtxByOriginal, int[] originalByRtx) {
        this.rtxByOriginal = rtxByOriginal;
        this.originalByRtx = originalByRtx;
    }

    /**
     * The bindings of the {@code rtx} codecs among {@code codecs}; where two retransmission codecs
     * name the same original, the first one listed wins, as the offerer preferred it.
     */
    public static RtxPayloadTypes of(Collection<Codec> codecs) {
        int[] rtxByOriginal = table();
        int[] originalByRtx = table();
        for (Codec codec : codecs) {
            OptionalInt apt = codec.isRtx() ? codec.associatedPayloadType() : OptionalInt.empty();
            if (apt.isPresent() && rtxByOriginal[apt.getAsInt()] == NONE && originalByRtx[codec.payloadType()] == NONE) {
                rtxByOriginal[apt.getAsInt()] = codec.payloadType();
                originalByRtx[codec.payloadType()] = apt.getAsInt();
            }
        }
        return new RtxPayloadTypes(rtxByOriginal, originalByRtx);
    }

    /** The payload type that retransmits packets of {@code originalPayloadType}, or {@link #NONE}. */
    public int rtxFor(int originalPayloadType) {
        return rtxByOriginal[requirePayloadType(originalPayloadType)];
    }

    /** The payload type an RTX packet of {@code rtxPayloadType} repairs (its apt), or {@link #NONE}. */
    public int originalFor(int rtxPayloadType) {
        return originalByRtx[requirePayloadType(rtxPayloadType)];
    }

    private static int[] table() {
        int[] table = new int[PAYLOAD_TYPES];
        Arrays.fill(table, NONE);
        return table;
    }

    private static int requirePayloadType(int payloadType) {
        if (payloadType < 0 || payloadType >= PAYLOAD_TYPES) {
            throw new IllegalArgumentException("payload type " + payloadType + " outside 0..127");
        }
        return payloadType;
    }
}
