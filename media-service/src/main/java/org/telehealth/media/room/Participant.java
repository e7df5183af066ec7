package org.telehealth.media.room;

import org.telehealth.media.session.MediaSession;

/** A participant of a room as the SFU knows them: an id given by signaling and their media session. */
public record Participant(String id, MediaSession session) {
}
