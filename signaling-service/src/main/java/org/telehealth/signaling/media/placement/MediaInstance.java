package org.telehealth.signaling.media.placement;

import java.net.URI;
import java.util.Objects;

/** A media-service instance as signaling calls it: its id (from its load reports) and its control API's base URL. */
public record MediaInstance(String id, URI controlUrl) {

    public MediaInstance {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(controlUrl, "controlUrl");
    }
}
