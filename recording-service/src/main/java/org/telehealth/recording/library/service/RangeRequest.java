package org.telehealth.recording.library.service;

import java.util.Locale;

/**
 * A {@code Range} header (RFC 9110 section 14) against a video of {@code length} bytes: one range
 * of bytes ({@code bytes=a-b}, {@code bytes=a-}, {@code bytes=-n}) is served as 206; a range outside
 * the video is unsatisfiable (416); anything else (no header, another unit, several ranges, bad
 * syntax) is ignored and the whole video is served (200), as the RFC allows.
 *
 * @param first first byte served
 * @param last last byte served (inclusive); {@code first > last} for an empty whole video
 */
public record RangeRequest(Kind kind, long first, long last, long length) {

    public enum Kind {
        WHOLE, PARTIAL, UNSATISFIABLE
    }

    public static RangeRequest parse(String header, long length) {
        RangeRequest whole = new RangeRequest(Kind.WHOLE, 0, length - 1, length);
        if (header == null) {
            return whole;
        }
        String value = header.strip();
        if (!value.toLowerCase(Locale.ROOT).startsWith("bytes=") || value.indexOf(',') >= 0) {
            return whole;
        }
        String spec = value.substring("bytes=".length()).strip();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return whole;
        }
        String start = spec.substring(0, dash).strip();
        String end = spec.substring(dash + 1).strip();
        if (start.isEmpty()) {
            if (!digits(end)) {
                return whole;
            }
            long suffix = number(end);
            if (suffix == 0 || length == 0) {
                return unsatisfiable(length);
            }
            return new RangeRequest(Kind.PARTIAL, Math.max(0, length - suffix), length - 1, length);
        }
        if (!digits(start) || !(end.isEmpty() || digits(end))) {
            return whole;
        }
        long first = number(start);
        long last = end.isEmpty() ? Long.MAX_VALUE : number(end);
        if (last < first) {
            return whole;
        }
        if (first >= length) {
            return unsatisfiable(length);
        }
        return new RangeRequest(Kind.PARTIAL, first, Math.min(last, length - 1), length);
    }

    /** Bytes served. */
    public long servedLength() {
        return kind == Kind.UNSATISFIABLE ? 0 : last - first + 1;
    }

    /** The {@code Content-Range} header of the answer: {@code bytes a-b/length}, or {@code bytes *}{@code /length} for a 416. */
    public String contentRange() {
        return kind == Kind.UNSATISFIABLE ? "bytes */" + length : "bytes " + first + "-" + last + "/" + length;
    }

    private static RangeRequest unsatisfiable(long length) {
        return new RangeRequest(Kind.UNSATISFIABLE, 0, -1, length);
    }

    private static boolean digits(String text) {
        return !text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** The number, or Long.MAX_VALUE when it does not fit (any such position is past the end). */
    private static long number(String digits) {
        return digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits);
    }
}
