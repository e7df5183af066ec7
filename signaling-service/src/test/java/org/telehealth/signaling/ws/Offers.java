package org.telehealth.signaling.ws;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * SDP offers as Chrome makes them (a canned one: microphone sendrecv, camera sendonly in simulcast
 * q/h/f, one receiving video section, a data channel), with the MediaStream id of each publisher's
 * choosing, and the {@code media-offer} frames that carry them.
 */
final class Offers {

    /** The msid stream id of the canned offer's camera and microphone. */
    static final String CANNED_STREAM = "5d1f8a4e-6b0c-4f4e-9d2a-7c3b1e0f9a62";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CHROME = read("chrome-offer.sdp");

    private Offers() {
    }

    /** Chrome's offer, camera and microphone in a MediaStream with this id. */
    static String chrome(String streamId) {
        return CHROME.replace(CANNED_STREAM, streamId);
    }

    /** The offer without its DTLS fingerprint: media-service refuses it. */
    static String withoutFingerprint(String streamId) {
        return chrome(streamId).replaceAll("a=fingerprint:[^\r\n]*\r\n", "");
    }

    /** The offer padded with attribute lines media-service ignores, to about {@code bytes}. */
    static String padded(String streamId, int bytes) {
        StringBuilder sdp = new StringBuilder(chrome(streamId));
        int line = 0;
        while (sdp.length() < bytes) {
            sdp.append("a=x-padding:").append(line++).append(" ").append("p".repeat(60)).append("\r\n");
        }
        return sdp.toString();
    }

    static String frame(String sdp) {
        ObjectNode offer = JSON.createObjectNode();
        offer.put("type", "media-offer");
        offer.put("sdp", sdp);
        return offer.toString();
    }

    private static String read(String name) {
        try (InputStream in = Offers.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n").replace("\n", "\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
