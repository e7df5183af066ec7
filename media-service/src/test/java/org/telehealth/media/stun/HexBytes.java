package org.telehealth.media.stun;

import java.util.HexFormat;

/** Bytes written in tests the way RFCs print them: hex pairs, spaces and line breaks ignored. */
final class HexBytes {

    private HexBytes() {
    }

    static byte[] parse(String hex) {
        return HexFormat.of().parseHex(hex.replaceAll("\\s+", ""));
    }
}
