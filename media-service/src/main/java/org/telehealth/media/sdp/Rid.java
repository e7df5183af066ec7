package org.telehealth.media.sdp;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One RTP stream identifier of an m-section ({@code a=rid:<id> send|recv [<restrictions>]},
 * RFC 8851). A browser sending simulcast names each layer with a rid and tags its packets with it;
 * the SFU answers {@code recv} for each layer it will take.
 */
public record Rid(String id, Rid.Direction direction, List<String> restrictions) {

    /** Whether the side that wrote the rid sends or receives the stream. */
    public enum Direction {
        SEND,
        RECV
    }

    private static final int MAX_ID_LENGTH = 32;
    private static final String FORM = "<id> send|recv [<restrictions>]";

    public Rid {
        if (!isRidId(Objects.requireNonNull(id, "id"))) {
            throw new IllegalArgumentException("a rid is 1 to " + MAX_ID_LENGTH + " letters, digits, '-' or '_', got "
                    + SdpLine.quoted(id));
        }
        Objects.requireNonNull(direction, "direction");
        restrictions = List.copyOf(restrictions);
        for (String restriction : restrictions) {
            if (!isRestriction(restriction)) {
                throw new IllegalArgumentException("a rid restriction is non-blank and has no ';', got "
                        + SdpLine.quoted(restriction));
            }
        }
    }

    public static Rid receive(String id) {
        return new Rid(id, Direction.RECV, List.of());
    }

    /** {@code rid-id = 1*(alpha-numeric / "-" / "_")}, here at most 32 of them. */
    static boolean isRidId(String text) {
        if (text.isEmpty() || text.length() > MAX_ID_LENGTH) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean isRestriction(String text) {
        return SdpGrammar.isNonWhitespace(text) && text.indexOf(';') < 0;
    }

    static Rid parse(String value) throws UnacceptableOfferException {
        String[] fields = value.split(" ", -1);
        if (fields.length < 2 || fields.length > 3 || !isRidId(fields[0])) {
            throw UnacceptableOfferException.malformed("rid", value, FORM);
        }
        Direction direction = switch (fields[1]) {
            case "send" -> Direction.SEND;
            case "recv" -> Direction.RECV;
            default -> throw UnacceptableOfferException.malformed("rid", value, FORM);
        };
        List<String> restrictions = fields.length == 3 ? List.of(fields[2].split(";", -1)) : List.of();
        if (!restrictions.stream().allMatch(Rid::isRestriction)) {
            throw UnacceptableOfferException.malformed("rid", value, FORM);
        }
        return new Rid(fields[0], direction, restrictions);
    }

    String sdpValue() {
        String restricted = restrictions.isEmpty() ? "" : " " + String.join(";", restrictions);
        return id + " " + direction.name().toLowerCase(Locale.ROOT) + restricted;
    }
}
