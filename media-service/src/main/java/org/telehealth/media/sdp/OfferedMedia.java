package org.telehealth.media.sdp;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.telehealth.media.dtls.CertificateFingerprint;
import org.telehealth.media.stun.IceCredentials;

/**
 * What a browser's offer says about one m-section, i.e. one of its transceivers: the attributes
 * of RFC 8829 (JSEP) that the SFU negotiates on or routes by, interpreted and checked by
 * {@link OfferReader}.
 *
 * <p>A section is {@code enabled} when its port is not zero, or when it is {@code a=bundle-only}
 * in the BUNDLE group (RFC 8843). Only the mid and the kind of a disabled section are read: it is
 * {@link Direction#INACTIVE} and its lists are empty. Transport attributes come from the section
 * or, failing that, from the session level; the {@link SetupRole} defaults to {@code active}.
 *
 * @param bandwidths the section's {@code b=} lines: on a section the browser receives on, the most
 *        it wants to receive there
 * @param content the section's {@code a=content} (RFC 4796), e.g. {@code slides} for a screen
 */
public record OfferedMedia(
        String mid,
        MediaKind kind,
        String media,
        String protocol,
        List<String> formats,
        boolean enabled,
        Direction direction,
        Optional<IceCredentials> iceCredentials,
        Optional<CertificateFingerprint> fingerprint,
        SetupRole setup,
        boolean rtcpMux,
        boolean extmapAllowMixed,
        List<Codec> codecs,
        List<HeaderExtension> headerExtensions,
        List<Ssrc> ssrcs,
        List<SsrcGroup> ssrcGroups,
        List<Msid> msids,
        List<Rid> rids,
        Optional<Simulcast> simulcast,
        List<Bandwidth> bandwidths,
        Optional<String> content) {

    public OfferedMedia {
        Objects.requireNonNull(mid, "mid");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(media, "media");
        Objects.requireNonNull(protocol, "protocol");
        formats = List.copyOf(formats);
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(iceCredentials, "iceCredentials");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(setup, "setup");
        codecs = List.copyOf(codecs);
        headerExtensions = List.copyOf(headerExtensions);
        ssrcs = List.copyOf(ssrcs);
        ssrcGroups = List.copyOf(ssrcGroups);
        msids = List.copyOf(msids);
        rids = List.copyOf(rids);
        Objects.requireNonNull(simulcast, "simulcast");
        bandwidths = List.copyOf(bandwidths);
        Objects.requireNonNull(content, "content");
    }

    static OfferedMedia disabled(String mid, MediaKind kind, String media, String protocol, List<String> formats) {
        return new OfferedMedia(mid, kind, media, protocol, formats, false, Direction.INACTIVE, Optional.empty(),
                Optional.empty(), SetupRole.ACTIVE, false, false, List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), Optional.empty(), List.of(), Optional.empty());
    }

    public Optional<Codec> codec(int payloadType) {
        return codecs.stream().filter(c -> c.payloadType() == payloadType).findFirst();
    }

    public Optional<HeaderExtension> headerExtension(String uri) {
        return headerExtensions.stream().filter(e -> e.uri().equals(uri)).findFirst();
    }

    public List<SsrcGroup> ssrcGroups(String semantics) {
        return ssrcGroups.stream().filter(g -> g.semantics().equals(semantics)).toList();
    }

    /**
     * The bitrate the section's {@code b=TIAS} (bits per second) or {@code b=AS} (kilobits per
     * second) sets, the lower of the two if both are there.
     */
    public OptionalLong bandwidthBps() {
        OptionalLong lowest = OptionalLong.empty();
        for (Bandwidth bandwidth : bandwidths) {
            long bps = switch (bandwidth.type()) {
                case "TIAS" -> bandwidth.value();
                case "AS" -> bandwidth.value() > Long.MAX_VALUE / 1000 ? Long.MAX_VALUE : bandwidth.value() * 1000;
                default -> -1;
            };
            if (bps >= 0 && (lowest.isEmpty() || bps < lowest.getAsLong())) {
                lowest = OptionalLong.of(bps);
            }
        }
        return lowest;
    }

    /** The rids the browser sends on ({@code a=rid:<id> send}), in order. */
    public List<Rid> sendRids() {
        return rids.stream().filter(r -> r.direction() == Rid.Direction.SEND).toList();
    }
}
