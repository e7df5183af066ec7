package org.telehealth.media.stun;

import java.util.Arrays;

/**
 * Where each known attribute of one message starts, filled by the decoder's walk so that
 * {@link StunMessage} finds any attribute without walking again. Keeps the first occurrence of
 * each type (RFC 8489 §14: later duplicates may be ignored) and the distinct unknown
 * comprehension-required types, at most {@link #MAX_UNKNOWN_TYPES} of them, which is more than a
 * 420 response needs to make its point and keeps hostile input from growing the list.
 */
final class AttributeIndex {

    static final int MAX_UNKNOWN_TYPES = 32;
    private static final int ABSENT = -1;

    private final int[] headerAt = new int[StunAttributeType.count()];
    private int[] unknownTypes = new int[0];
    private int unknownCount;

    AttributeIndex() {
        Arrays.fill(headerAt, ABSENT);
    }

    /** Notes the attribute of this code whose header starts at index {@code at} of the datagram. */
    void add(int code, int at) {
        int ordinal = StunAttributeType.ordinalOf(code);
        if (ordinal >= 0) {
            if (headerAt[ordinal] == ABSENT) {
                headerAt[ordinal] = at;
            }
        } else if (StunAttributeType.isComprehensionRequired(code)) {
            addUnknown(code);
        }
    }

    boolean contains(StunAttributeType type) {
        return headerAt[type.ordinal()] != ABSENT;
    }

    /** The index of the attribute's header in the datagram; only meaningful when it is present. */
    int headerAt(StunAttributeType type) {
        return headerAt[type.ordinal()];
    }

    int[] unknownComprehensionRequired() {
        return Arrays.copyOf(unknownTypes, unknownCount);
    }

    private void addUnknown(int code) {
        for (int i = 0; i < unknownCount; i++) {
            if (unknownTypes[i] == code) {
                return;
            }
        }
        if (unknownCount == MAX_UNKNOWN_TYPES) {
            return;
        }
        if (unknownCount == unknownTypes.length) {
            unknownTypes = Arrays.copyOf(unknownTypes, Math.max(4, unknownCount * 2));
        }
        unknownTypes[unknownCount++] = code;
    }
}
