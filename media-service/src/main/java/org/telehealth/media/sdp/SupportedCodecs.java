package org.telehealth.media.sdp;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The codecs the SFU lets through. It forwards packets without transcoding, so a codec is only
 * worth accepting if every browser in the room decodes it: Opus for audio; VP8, VP9 profile 0 and
 * H.264 constrained baseline ({@code profile-level-id=42e01f}) in {@code packetization-mode=1}, the
 * one Safari needs, for video, each with its RTX retransmission codec. AV1, H.265, other H.264
 * profiles and the FEC formats (red, ulpfec) are dropped. Of the RTCP feedback only what the SFU
 * handles is kept. The offerer's payload type numbers stay as they were, and so does their order,
 * but for VP8 (with its RTX), which goes first where it is offered: a browser sends with the first
 * codec of the answer, and VP8 is the one every browser decodes (Safari too, since 12.1) and the
 * recorder writes; Safari, which offers H.264 first, would otherwise send H.264, and a room whose
 * publishers send different codecs cannot be recorded whole. H.264 stays for a browser that offers
 * no VP8.
 */
final class SupportedCodecs {

    static final Set<String> FEEDBACK = Set.of("nack", "nack pli", "ccm fir", "goog-remb", "transport-cc");

    private static final int VIDEO_CLOCK_RATE = 90_000;

    private SupportedCodecs() {
    }

    static List<Codec> select(MediaKind kind, List<Codec> offered) {
        Set<Integer> primary = offered.stream()
                .filter(codec -> isSupported(kind, codec))
                .map(Codec::payloadType)
                .collect(Collectors.toSet());
        Set<Integer> preferred = offered.stream()
                .filter(codec -> primary.contains(codec.payloadType()) && codec.name().equalsIgnoreCase("VP8"))
                .map(Codec::payloadType)
                .collect(Collectors.toSet());
        return offered.stream()
                .filter(codec -> primary.contains(codec.payloadType())
                        || (kind == MediaKind.VIDEO && repairs(codec, primary)))
                .sorted(Comparator.comparing((Codec codec) -> !isOrRepairs(codec, preferred))) // stable: offered order otherwise
                .map(codec -> codec.withFeedback(codec.feedback().stream()
                        .filter(feedback -> FEEDBACK.contains(feedback.sdpValue()))
                        .distinct()
                        .toList()))
                .toList();
    }

    private static boolean isOrRepairs(Codec codec, Set<Integer> payloadTypes) {
        return payloadTypes.contains(codec.payloadType()) || (codec.isRtx() && codec.associatedPayloadType().stream().anyMatch(payloadTypes::contains));
    }

    private static boolean isSupported(MediaKind kind, Codec codec) {
        return switch (kind) {
            case AUDIO -> codec.name().equalsIgnoreCase("opus") && codec.clockRate() == 48_000 && codec.channels() == 2;
            case VIDEO -> codec.clockRate() == VIDEO_CLOCK_RATE && isSupportedVideo(codec);
            case OTHER -> false;
        };
    }

    private static boolean isSupportedVideo(Codec codec) {
        if (codec.name().equalsIgnoreCase("VP8")) {
            return true;
        }
        if (codec.name().equalsIgnoreCase("VP9")) {
            return codec.parameter("profile-id").orElse("0").equals("0");
        }
        if (codec.name().equalsIgnoreCase("H264")) {
            return codec.parameter("profile-level-id").orElse("").equalsIgnoreCase("42e01f")
                    && codec.parameter("packetization-mode").orElse("0").equals("1");
        }
        return false;
    }

    private static boolean repairs(Codec codec, Set<Integer> primary) {
        return codec.isRtx() && codec.clockRate() == VIDEO_CLOCK_RATE
                && codec.associatedPayloadType().stream().anyMatch(primary::contains);
    }
}
