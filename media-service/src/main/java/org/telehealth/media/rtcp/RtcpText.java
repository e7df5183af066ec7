package org.telehealth.media.rtcp;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The UTF-8 text of SDES items and BYE reasons (RFC 3550 §6.5): at most 255 bytes behind a length
 * byte. Decoding is strict, so that text read from the wire always encodes back to the same bytes.
 */
final class RtcpText {

    static final int MAX_LENGTH = 255;

    private RtcpText() {
    }

    static String decode(byte[] buffer, int index, int length, String what) throws MalformedRtcpException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(buffer, index, length))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MalformedRtcpException(what + " is not valid UTF-8");
        }
    }

    static byte[] encode(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static void requireFits(String text, String what) {
        if (text == null) {
            throw new IllegalArgumentException(what + " is null");
        }
        int length = encode(text).length;
        if (length > MAX_LENGTH) {
            throw new IllegalArgumentException(what + " takes " + length + " bytes in UTF-8, more than "
                    + MAX_LENGTH);
        }
    }
}
