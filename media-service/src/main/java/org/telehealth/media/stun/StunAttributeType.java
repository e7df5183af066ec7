package org.telehealth.media.stun;

/**
 * The STUN attributes this codec understands (RFC 8489 §14, RFC 8445 §16.1). Codes below 0x8000
 * are comprehension-required: a request carrying one we do not know must be refused with 420;
 * codes from 0x8000 are comprehension-optional and are skipped when unknown.
 */
public enum StunAttributeType {
    USERNAME(0x0006),
    MESSAGE_INTEGRITY(0x0008),
    ERROR_CODE(0x0009),
    UNKNOWN_ATTRIBUTES(0x000A),
    XOR_MAPPED_ADDRESS(0x0020),
    PRIORITY(0x0024),
    USE_CANDIDATE(0x0025),
    SOFTWARE(0x8022),
    FINGERPRINT(0x8028),
    ICE_CONTROLLED(0x8029),
    ICE_CONTROLLING(0x802A);

    private static final StunAttributeType[] ALL = values();

    private final int code;

    StunAttributeType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The name the RFCs give it, such as {@code XOR-MAPPED-ADDRESS}. */
    @Override
    public String toString() {
        return name().replace('_', '-');
    }

    public static boolean isComprehensionRequired(int code) {
        return code < 0x8000;
    }

    /** The ordinal of the known attribute with this code, or -1: a lookup for the decoder's walk. */
    static int ordinalOf(int code) {
        for (StunAttributeType type : ALL) {
            if (type.code == code) {
                return type.ordinal();
            }
        }
        return -1;
    }

    static int count() {
        return ALL.length;
    }
}
