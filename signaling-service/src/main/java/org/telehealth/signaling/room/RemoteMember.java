package org.telehealth.signaling.room;

import java.time.Instant;
import java.util.Objects;

/**
 * A participant whose socket another instance holds, as that instance's latest announcement of
 * their seat says, and when it was heard.
 */
record RemoteMember(String seat, MemberView view, Instant heardAt) {

    RemoteMember {
        Objects.requireNonNull(seat, "seat");
        Objects.requireNonNull(view, "view");
        Objects.requireNonNull(heardAt, "heardAt");
    }

    String id() {
        return view.id();
    }
}
