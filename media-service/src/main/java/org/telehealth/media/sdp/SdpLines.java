package org.telehealth.media.sdp;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts the text of a session description into {@link SdpLine}s, enforcing the size limits before
 * any field is looked at and the {@code <type>=<value>} form of every line. Lines end with CRLF, as
 * RFC 8866 requires, or with a bare LF, as hand-written and munged descriptions often do.
 */
final class SdpLines {

    private static final String LINE_TYPES = "vosiuepcbtrzkam";

    private SdpLines() {
    }

    static List<SdpLine> split(String text) throws MalformedSdpException {
        long bytes = utf8Length(text);
        if (bytes > SdpParser.MAX_TEXT_BYTES) {
            throw new MalformedSdpException(0,
                    "the description is " + bytes + " bytes, more than the " + SdpParser.MAX_TEXT_BYTES + " allowed");
        }
        List<SdpLine> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int newline = text.indexOf('\n', start);
            int end = newline < 0 ? text.length() : newline;
            int number = lines.size() + 1;
            if (number > SdpParser.MAX_LINES) {
                throw new MalformedSdpException(number, "more than " + SdpParser.MAX_LINES + " lines");
            }
            int contentEnd = newline >= 0 && end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
            lines.add(line(number, text.substring(start, contentEnd)));
            start = newline < 0 ? text.length() : newline + 1;
        }
        return lines;
    }

    private static SdpLine line(int number, String line) throws MalformedSdpException {
        if (line.isEmpty()) {
            throw new MalformedSdpException(number, "the line is empty");
        }
        if (line.length() < 2 || line.charAt(1) != '=') {
            throw new MalformedSdpException(number, "a line is '<type>=<value>', got " + SdpLine.quoted(line));
        }
        char type = line.charAt(0);
        if (LINE_TYPES.indexOf(type) < 0) {
            throw new MalformedSdpException(number, "unknown line type '" + printable(type) + "'");
        }
        for (int i = 2; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\r') {
                throw new MalformedSdpException(number, "carriage return inside the line");
            }
            if (c == '\0') {
                throw new MalformedSdpException(number, "NUL character inside the line");
            }
        }
        return new SdpLine(number, type, line.substring(2));
    }

    private static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isSurrogate(c)) {
                bytes += 2;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    private static String printable(char c) {
        return c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c);
    }
}
