package org.telehealth.media.sdp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The RTP header extensions the SFU uses: mid and rids to route packets to their m-section and
 * simulcast layer, the two send-time stamps for bandwidth estimation, and the audio level for
 * speaker detection. The offer's ids are kept; a direction, if written, is turned to the SFU's
 * side.
 */
final class SupportedHeaderExtensions {

    static final Set<String> URIS = Set.of(
            HeaderExtension.MID,
            HeaderExtension.RTP_STREAM_ID,
            HeaderExtension.REPAIRED_RTP_STREAM_ID,
            HeaderExtension.ABS_SEND_TIME,
            HeaderExtension.TRANSPORT_WIDE_CC,
            HeaderExtension.AUDIO_LEVEL);

    private SupportedHeaderExtensions() {
    }

    static List<HeaderExtension> select(List<HeaderExtension> offered) {
        Set<String> answered = new HashSet<>();
        List<HeaderExtension> selected = new ArrayList<>();
        for (HeaderExtension extension : offered) {
            if (URIS.contains(extension.uri()) && answered.add(extension.uri())) {
                selected.add(new HeaderExtension(extension.id(), extension.direction().map(Direction::reversed),
                        extension.uri(), extension.attributes()));
            }
        }
        return selected;
    }
}
