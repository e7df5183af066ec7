package org.telehealth.media.sdp;

/** What an m-section carries, from its {@code <media>} field; the SFU forwards audio and video only. */
public enum MediaKind {
    AUDIO,
    VIDEO,
    /** {@code application} (data channels), {@code text} or anything else. */
    OTHER;

    static MediaKind of(String media) {
        return switch (media) {
            case "audio" -> AUDIO;
            case "video" -> VIDEO;
            default -> OTHER;
        };
    }
}
