package org.telehealth.media.sdp;

import java.util.OptionalLong;

/**
 * The terminals of the RFC 8866 grammar that several SDP fields share: {@code token},
 * {@code text} and unsigned decimal numbers. Checked by hand, character by character, so that no
 * input can make a regular expression backtrack and no number can overflow into an exception.
 */
final class SdpGrammar {

    private static final int MAX_DECIMAL_DIGITS = 20;

    private SdpGrammar() {
    }

    /** {@code token-char}: visible ASCII except the separators {@code " ( ) , / : ; < = > ? @ [ \ ] }. */
    static boolean isTokenChar(char c) {
        return c == '!' || (c >= '#' && c <= '\'') || c == '*' || c == '+' || c == '-' || c == '.'
                || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= '^' && c <= '~');
    }

    static boolean isToken(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!isTokenChar(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** A token of at most {@code maxLength} characters. */
    static boolean isToken(String text, int maxLength) {
        return text.length() <= maxLength && isToken(text);
    }

    /** {@code text}/{@code byte-string}: anything but NUL, CR and LF, which would end or corrupt a line. */
    static boolean isText(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0' || c == '\r' || c == '\n') {
                return false;
            }
        }
        return true;
    }

    /** {@code non-ws-string}: one or more characters, none of them blank or a line break. */
    static boolean isNonWhitespace(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\0' || c == '\r' || c == '\n') {
                return false;
            }
        }
        return true;
    }

    /** Decimal digits only, with a value of at most {@code max}; empty for anything else. */
    static OptionalLong unsignedDecimal(String text, long max) {
        if (text.isEmpty() || text.length() > MAX_DECIMAL_DIGITS) {
            return OptionalLong.empty();
        }
        long value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return OptionalLong.empty();
            }
            int digit = c - '0';
            if (digit > max || value > (max - digit) / 10) {
                return OptionalLong.empty();
            }
            value = value * 10 + digit;
        }
        return OptionalLong.of(value);
    }

    static boolean isUnsignedDecimal(String text, int maxDigits) {
        if (text.isEmpty() || text.length() > maxDigits) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
