package org.telehealth.scheduling.appointment.rest;

import java.time.Instant;
import org.telehealth.scheduling.joinlink.JoinLink;

/** A patient's join link as the portal shows and copies it, with the window in which it opens the visit. */
public record JoinLinkView(String url, Instant validFrom, Instant validUntil) {

    static JoinLinkView of(JoinLink link) {
        return new JoinLinkView(link.url().toString(), link.validFrom(), link.validUntil());
    }
}
