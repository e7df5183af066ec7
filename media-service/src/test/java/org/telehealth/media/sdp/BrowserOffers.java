package org.telehealth.media.sdp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

/**
 * The offers of the test resources, written after what Chrome, Firefox and Safari emit, and small
 * ways to alter them for one test. The files use LF line endings; {@link #crlf} gives the CRLF
 * form browsers actually send.
 */
final class BrowserOffers {

    private BrowserOffers() {
    }

    /** Audio sendrecv, video sendonly with three simulcast rids, video recvonly, a data channel. */
    static String chrome() {
        return crlf(resource("chrome-offer.sdp"));
    }

    /** Audio and video sendrecv with SSRCs and FID group, audio recvonly; fingerprint at session level. */
    static String firefox() {
        return crlf(resource("firefox-offer.sdp"));
    }

    /**
     * A real offer of Firefox ESR 153 (Debian's firefox-esr, captured from FirefoxInteropBrowserTest's
     * page): audio and video sendrecv, the video section {@code bundle-only} on port 0, candidates of
     * every interface (loopback, IPv6, TCP) after gathering, AV1 and no H.264 (no OpenH264 plugin).
     */
    static String firefoxEsr() {
        return crlf(resource("firefox-esr-offer.sdp"));
    }

    /**
     * Firefox ESR 153's offer for its camera in three layers (rids q, h, f from the page's
     * {@code sendEncodings}, lowest first): unlike Chrome it also lists each layer's SSRC and RTX
     * SSRC (FID groups, no SIM group), and its rid extensions are {@code /sendonly}.
     */
    static String firefoxEsrSimulcast() {
        return crlf(resource("firefox-esr-simulcast-offer.sdp"));
    }

    /** Audio and video sendrecv, H.264 High first, H.265. */
    static String safari() {
        return crlf(resource("safari-offer.sdp"));
    }

    static String crlf(String lfText) {
        return lfText.replace("\r\n", "\n").replace("\n", "\r\n");
    }

    static String lf(String text) {
        return text.replace("\r\n", "\n");
    }

    /** {@code sdp} with every line equal to {@code line} removed. */
    static String without(String sdp, String line) {
        String changed = sdp.replace("\n" + line + "\r\n", "\n");
        if (changed.equals(sdp)) {
            throw new IllegalArgumentException("no line " + line);
        }
        return changed;
    }

    /** {@code sdp} with every line starting with {@code prefix} removed. */
    static String withoutLinesStartingWith(String sdp, String prefix) {
        String changed = String.join("\r\n", sdp.lines().filter(l -> !l.startsWith(prefix)).toList()) + "\r\n";
        if (changed.equals(sdp)) {
            throw new IllegalArgumentException("no line starting with " + prefix);
        }
        return changed;
    }

    /** {@code sdp} with the text of its m-section number {@code index} (from 0) changed by {@code edit}. */
    static String editingSection(String sdp, int index, UnaryOperator<String> edit) {
        String[] parts = sdp.split("(?=\r\nm=)", -1);
        parts[index + 1] = edit.apply(parts[index + 1]);
        return String.join("", parts);
    }

    private static String resource(String name) {
        try (InputStream in = BrowserOffers.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
