package org.telehealth.media.sdp;

import java.util.Optional;

/**
 * The direction attribute of an m-section, always from the point of view of the side that wrote
 * it: a browser's {@code sendonly} is answered with the SFU's {@code recvonly}.
 */
public enum Direction {
    SENDRECV("sendrecv"),
    SENDONLY("sendonly"),
    RECVONLY("recvonly"),
    INACTIVE("inactive");

    private final String sdpName;

    Direction(String sdpName) {
        this.sdpName = sdpName;
    }

    /** The attribute name, e.g. {@code sendonly}. */
    public String sdpName() {
        return sdpName;
    }

    /** The same flow seen from the other side. */
    public Direction reversed() {
        return switch (this) {
            case SENDONLY -> RECVONLY;
            case RECVONLY -> SENDONLY;
            default -> this;
        };
    }

    static Optional<Direction> fromSdpName(String name) {
        for (Direction direction : values()) {
            if (direction.sdpName.equals(name)) {
                return Optional.of(direction);
            }
        }
        return Optional.empty();
    }
}
