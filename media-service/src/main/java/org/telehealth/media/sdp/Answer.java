package org.telehealth.media.sdp;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The SFU's answer to one offer: the session description to send back through signaling and, for
 * each m-section in the same order, what was agreed.
 */
public record Answer(SessionDescription description, List<AnsweredMedia> media) {

    public Answer {
        Objects.requireNonNull(description, "description");
        media = List.copyOf(media);
    }

    /** The answer as text, for {@code RTCPeerConnection.setRemoteDescription({type: 'answer', sdp})}. */
    public String sdp() {
        return SdpWriter.write(description);
    }

    public Optional<AnsweredMedia> media(String mid) {
        return media.stream().filter(m -> m.mid().equals(mid)).findFirst();
    }
}
