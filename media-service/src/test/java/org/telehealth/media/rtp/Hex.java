package org.telehealth.media.rtp;

import java.util.HexFormat;

/** Test vectors written as hex, a line per 32-bit word as in the RFC diagrams; spaces are ignored. */
public final class Hex {

    private Hex() {
    }

    public static byte[] bytes(String... words) {
        return HexFormat.of().parseHex(String.join("", words).replace(" ", ""));
    }

    public static String of(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
