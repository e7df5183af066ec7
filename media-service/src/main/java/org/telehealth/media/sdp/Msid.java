package org.telehealth.media.sdp;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code a=msid:<stream id> [<track id>]} (RFC 8830): the MediaStream a track belongs to, so that
 * the receiving browser puts a participant's camera and microphone in the same stream and keeps
 * them in lip sync. The stream id {@code -} means no stream.
 */
public record Msid(String streamId, Optional<String> trackId) {

    static final int MAX_ID_LENGTH = 64;

    public Msid {
        requireId(Objects.requireNonNull(streamId, "streamId"));
        trackId.ifPresent(Msid::requireId);
    }

    public static Msid of(String streamId, String trackId) {
        return new Msid(streamId, Optional.of(trackId));
    }

    static void requireId(String id) {
        if (!SdpGrammar.isToken(id, MAX_ID_LENGTH)) {
            throw new IllegalArgumentException("an msid id is 1 to " + MAX_ID_LENGTH + " token characters, got "
                    + SdpLine.quoted(id));
        }
    }

    static Msid parse(String value) throws UnacceptableOfferException {
        String[] fields = value.split(" ", -1);
        boolean valid = fields.length <= 2 && SdpGrammar.isToken(fields[0], MAX_ID_LENGTH)
                && (fields.length == 1 || SdpGrammar.isToken(fields[1], MAX_ID_LENGTH));
        if (!valid) {
            throw UnacceptableOfferException.malformed("msid", value, "<stream id> [<track id>]");
        }
        return new Msid(fields[0], fields.length == 2 ? Optional.of(fields[1]) : Optional.empty());
    }

    String sdpValue() {
        return streamId + trackId.map(t -> " " + t).orElse("");
    }
}
