package org.telehealth.recording.library.service;

import org.telehealth.recording.identity.Caller;

/** Who asks and from where (the client address the audit keeps). */
public record Requester(Caller caller, String remoteAddress) {
}
