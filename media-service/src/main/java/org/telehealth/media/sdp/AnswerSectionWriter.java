package org.telehealth.media.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes the m-sections of the SFU's answer from what {@link MediaNegotiation} decided. Every
 * accepted section repeats the transport attributes (ICE credentials, fingerprint,
 * {@code setup:passive}, rtcp-mux), as browsers expect of a bundled answer; only the BUNDLE tag
 * carries the candidates. A rejected section has port 0, its mid and {@code a=inactive}.
 */
final class AnswerSectionWriter {

    static final int BUNDLE_PORT = 9;

    private final LocalEndpoint local;

    AnswerSectionWriter(LocalEndpoint local) {
        this.local = local;
    }

    MediaSection accepted(OfferedMedia offered, AnsweredMedia answered, boolean carriesCandidates) {
        List<SdpAttribute> attributes = new ArrayList<>();
        attributes.add(SdpAttribute.of("mid", answered.mid()));
        attributes.add(SdpAttribute.of("ice-ufrag", local.iceCredentials().ufrag()));
        attributes.add(SdpAttribute.of("ice-pwd", local.iceCredentials().password()));
        attributes.add(SdpAttribute.of("fingerprint", local.fingerprint().toString()));
        attributes.add(SdpAttribute.of("setup", SetupRole.PASSIVE.sdpName()));
        if (carriesCandidates) {
            attributes.addAll(HostCandidateAttributes.of(local.candidates()));
            attributes.add(SdpAttribute.flag("end-of-candidates"));
        }
        if (offered.extmapAllowMixed()) {
            attributes.add(SdpAttribute.flag("extmap-allow-mixed"));
        }
        answered.headerExtensions().forEach(e -> attributes.add(SdpAttribute.of("extmap", e.sdpValue())));
        attributes.add(SdpAttribute.flag(answered.direction().sdpName()));
        answered.sentTrack().ifPresent(track -> attributes.add(SdpAttribute.of("msid", track.msid().sdpValue())));
        attributes.add(SdpAttribute.flag("rtcp-mux"));
        for (Codec codec : answered.codecs()) {
            attributes.add(SdpAttribute.of("rtpmap", codec.rtpmapValue()));
            for (RtcpFeedback feedback : codec.feedback()) {
                attributes.add(SdpAttribute.of("rtcp-fb", codec.payloadType() + " " + feedback.sdpValue()));
            }
            codec.fmtpValue().ifPresent(fmtp -> attributes.add(SdpAttribute.of("fmtp", fmtp)));
        }
        answered.rids().forEach(rid -> attributes.add(SdpAttribute.of("rid", rid.sdpValue())));
        answered.simulcast().ifPresent(s -> attributes.add(SdpAttribute.of("simulcast", s.sdpValue())));
        answered.sentTrack().ifPresent(track -> attributes.addAll(ssrcAttributes(track)));
        List<String> formats = answered.codecs().stream().map(codec -> Integer.toString(codec.payloadType())).toList();
        return new MediaSection(offered.media(), BUNDLE_PORT, 1, offered.protocol(), formats,
                Optional.of(ConnectionData.UNSPECIFIED), List.of(), attributes);
    }

    static MediaSection rejected(OfferedMedia offered) {
        return new MediaSection(offered.media(), 0, 1, offered.protocol(), offered.formats(),
                Optional.of(ConnectionData.UNSPECIFIED), List.of(),
                List.of(SdpAttribute.of("mid", offered.mid()), SdpAttribute.flag(Direction.INACTIVE.sdpName())));
    }

    private static List<SdpAttribute> ssrcAttributes(OutgoingTrack track) {
        List<SdpAttribute> attributes = new ArrayList<>();
        track.rtxSsrc().ifPresent(rtx -> attributes.add(SdpAttribute.of("ssrc-group",
                new SsrcGroup(SsrcGroup.FID, List.of(track.ssrc(), rtx)).sdpValue())));
        attributes.add(SdpAttribute.of("ssrc", track.ssrc() + " cname:" + track.cname()));
        track.rtxSsrc().ifPresent(rtx -> attributes.add(SdpAttribute.of("ssrc", rtx + " cname:" + track.cname())));
        return attributes;
    }
}
